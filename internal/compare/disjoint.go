package compare

// disjoint is a union-find over the items 0..n-1 of a grouping (entities,
// quotes, figures): every group is named by its smallest item, so groups
// come out in the order of their first items.
type disjoint []int

func newDisjoint(n int) disjoint {
	d := make(disjoint, n)
	for i := range d {
		d[i] = i
	}
	return d
}

// find returns the smallest item of x's group.
func (d disjoint) find(x int) int {
	for d[x] != x {
		d[x] = d[d[x]]
		x = d[x]
	}
	return x
}

// union joins the groups of a and b and returns the new group's root.
func (d disjoint) union(a, b int) int {
	ra, rb := d.find(a), d.find(b)
	if rb < ra {
		ra, rb = rb, ra
	}
	d[rb] = ra
	return ra
}

// groups returns the roots in the order of their first items and each
// root's items in order.
func (d disjoint) groups() (roots []int, members map[int][]int) {
	members = map[int][]int{}
	for i := range d {
		r := d.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	return roots, members
}

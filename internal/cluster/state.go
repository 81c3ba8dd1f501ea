package cluster

import (
	"bufio"
	"cmp"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// ErrState is wrapped by the errors Restore returns for a stream that is
// not a state Save wrote: another file, a damaged state, or a state of
// another version.
var ErrState = errors.New("not a cluster state")

// stateHeader starts every saved state; the number is the format's
// version, raised whenever the encoded fields change.
const (
	stateMagic   = "parallax cluster state "
	stateVersion = 4
)

// Save writes the state of c, everything a Clusterer restored from it
// needs to go on as c would (the active stories, their members and
// vectors, the indexes and the document frequencies), to w. The Options
// are not saved: Restore takes them anew. Save does not change c; the
// same state gives the same bytes.
func (c *Clusterer) Save(w io.Writer) error {
	st, err := c.state()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s%d\n", stateMagic, stateVersion)
	if err := gob.NewEncoder(bw).Encode(st); err != nil {
		return fmt.Errorf("save cluster state: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save cluster state: %w", err)
	}
	return nil
}

// Restore returns a Clusterer with the state that Save wrote to r and the
// Options opt, which need not be those of the saved Clusterer. Added the
// same articles, it assigns them as the saved Clusterer would have (with
// the same Options). A stream that is not such a state, or is one of
// another version, gives an error that wraps ErrState; a failing r gives
// its error.
func Restore(r io.Reader, opt Options) (*Clusterer, error) {
	rr := &readErr{r: r}
	br := bufio.NewReader(rr)
	line, _ := br.ReadString('\n')
	if rr.err != nil {
		return nil, fmt.Errorf("restore cluster state: %w", rr.err)
	}
	v, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), stateMagic)
	if !ok {
		return nil, fmt.Errorf("restore cluster state: %w (no header)", ErrState)
	}
	if v != fmt.Sprint(stateVersion) {
		return nil, fmt.Errorf("restore cluster state: %w: version %.20q, this build reads version %d", ErrState, v, stateVersion)
	}
	var st state
	if err := gob.NewDecoder(br).Decode(&st); err != nil {
		if rr.err != nil {
			return nil, fmt.Errorf("restore cluster state: %w", rr.err)
		}
		return nil, fmt.Errorf("restore cluster state: %w: %v", ErrState, err)
	}
	c := New(opt)
	if err := c.restore(&st); err != nil {
		return nil, fmt.Errorf("restore cluster state: %w: %v", ErrState, err)
	}
	return c, nil
}

// readErr remembers the first error of r other than io.EOF, to tell a
// failing reader from a damaged stream.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF && r.err == nil {
		r.err = err
	}
	return n, err
}

// state is what Save encodes. Stories and duplicate references are
// numbered by their place in Stories and Refs; -1 stands for one that has
// left the active set but is still in an index (it is skipped there, and
// dropped at the next compaction, as the original would be).
type state struct {
	DFKeys    []uint64
	DFCounts  []uint32
	PairRows  [2][]uint8
	PairBits  uint
	PairAdded int
	N         float64
	Clock     time.Time
	Seq       int
	Adds      int
	Stale     int
	Stats     Stats
	Stories   []storyState
	Refs      []refState
	Postings  []listState // by key
	Dups      []listState // by key
}

type storyState struct {
	ID           string
	Seq, LastSeq int
	OpenSeq      int
	First, Last  time.Time
	Follows      string
	Dated        bool
	Undated      int
	CKeys        []uint64
	CVals        []float32
	Norm2        float64
	Labels       []labelState // by key
	Reps, Vecs   []repState
	Check        int
	Medoid       int
	Members      []Member
	Outlets      []string
	OutletsEmpty bool // Outlets is empty but not nil
	Unique       int
	DupRefs      []int32
}

type labelState struct {
	Key  uint64
	Kind Kind
	Text string
}

type repState struct {
	ID        string
	Title     string
	TitleMade bool
	Keys      []uint64
	Vals      []float32
	Sig       *Signature
}

type refState struct {
	Story  int32
	ID     string
	Sketch []uint64
}

type listState struct {
	Key uint64
	Of  []int32
}

// state returns c's state for Save.
func (c *Clusterer) state() (*state, error) {
	st := &state{
		PairRows: c.pairDF.rows, PairBits: c.pairDF.bits, PairAdded: c.pairDF.added,
		N: c.n, Clock: c.clock, Seq: c.seq, Adds: c.adds, Stale: c.stale, Stats: c.stats,
	}
	for i, k := range c.df.keys {
		if k != 0 && c.df.n[i] > 0 {
			st.DFKeys = append(st.DFKeys, k)
			st.DFCounts = append(st.DFCounts, c.df.n[i])
		}
	}
	stories := make([]*story, 0, len(c.active))
	for _, s := range c.active {
		stories = append(stories, s)
	}
	slices.SortFunc(stories, func(a, b *story) int {
		if x := cmp.Compare(a.seq, b.seq); x != 0 {
			return x
		}
		return cmp.Compare(a.id, b.id)
	})
	num := make(map[*story]int32, len(stories))
	for i, s := range stories {
		num[s] = int32(i)
	}
	storyNum := func(s *story) (int32, error) {
		if s.evicted {
			return -1, nil
		}
		i, ok := num[s]
		if !ok {
			return 0, fmt.Errorf("save cluster state: story %s is indexed but not active", s.id)
		}
		return i, nil
	}
	refNum := map[*dupRef]int32{}
	addRef := func(r *dupRef) (int32, error) {
		if i, ok := refNum[r]; ok {
			return i, nil
		}
		s, err := storyNum(r.s)
		if err != nil || s < 0 {
			return s, err
		}
		i := int32(len(st.Refs))
		refNum[r] = i
		st.Refs = append(st.Refs, refState{Story: s, ID: r.id, Sketch: r.sketch})
		return i, nil
	}
	for _, s := range stories {
		ss := storyState{
			ID: s.id, Seq: s.seq, LastSeq: s.lastSeq, OpenSeq: s.openSeq, First: s.first, Last: s.last, Follows: s.follows, Dated: s.dated, Undated: s.undated,
			CKeys: s.ckeys, CVals: s.cvals, Norm2: s.norm2, Reps: repStates(s.reps), Vecs: repStates(s.vecs),
			Check: s.check, Medoid: s.medoid, Members: s.members, Outlets: s.outlets, OutletsEmpty: s.outlets != nil && len(s.outlets) == 0,
			Unique: s.unique,
		}
		for k, l := range s.labels {
			ss.Labels = append(ss.Labels, labelState{k, l.kind, l.text})
		}
		slices.SortFunc(ss.Labels, func(a, b labelState) int { return cmp.Compare(a.Key, b.Key) })
		for _, r := range s.dupRefs {
			i, err := addRef(r)
			if err != nil {
				return nil, err
			}
			ss.DupRefs = append(ss.DupRefs, i)
		}
		st.Stories = append(st.Stories, ss)
	}
	var err error
	if st.Postings, err = listStates(c.postings, storyNum); err != nil {
		return nil, err
	}
	if st.Dups, err = listStates(c.dups, addRef); err != nil {
		return nil, err
	}
	return st, nil
}

func repStates(rs []rep) []repState {
	out := make([]repState, len(rs))
	for i, r := range rs {
		out[i] = repState{r.id, r.title, r.titleMade, r.keys, r.vals, r.sig}
	}
	return out
}

// listStates numbers the entries of an index, by key.
func listStates[T any](m map[uint64][]T, num func(T) (int32, error)) ([]listState, error) {
	out := make([]listState, 0, len(m))
	for k, list := range m {
		l := listState{Key: k, Of: make([]int32, len(list))}
		for i, x := range list {
			n, err := num(x)
			if err != nil {
				return nil, err
			}
			l.Of[i] = n
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b listState) int { return cmp.Compare(a.Key, b.Key) })
	return out, nil
}

// restore sets the state of the new Clusterer c from st, checking that
// every number in it points where it may.
func (c *Clusterer) restore(st *state) error {
	if len(st.DFKeys) != len(st.DFCounts) {
		return errors.New("document frequencies: keys and counts differ in number")
	}
	for i, k := range st.DFKeys {
		if st.DFCounts[i] > 0 {
			c.df.set(k, st.DFCounts[i])
		}
	}
	if err := c.pairDF.restore(st.PairRows, st.PairBits, st.PairAdded); err != nil {
		return err
	}
	c.n, c.clock, c.seq, c.adds, c.stale, c.stats = st.N, st.Clock, st.Seq, st.Adds, st.Stale, st.Stats

	gone := &story{id: "evicted", evicted: true} // every story that left
	stories := make([]*story, len(st.Stories))
	for i, ss := range st.Stories {
		if ss.ID == "" || c.active[ss.ID] != nil {
			return fmt.Errorf("story %d: empty or repeated id %q", i, ss.ID)
		}
		if len(ss.CKeys) != len(ss.CVals) {
			return fmt.Errorf("story %s: centroid keys and values differ in number", ss.ID)
		}
		s := &story{
			id: ss.ID, seq: ss.Seq, lastSeq: ss.LastSeq, openSeq: ss.OpenSeq, first: ss.First, last: ss.Last, follows: ss.Follows, dated: ss.Dated, undated: ss.Undated,
			ckeys: ss.CKeys, cvals: ss.CVals, norm2: ss.Norm2, check: ss.Check, medoid: ss.Medoid, members: ss.Members, outlets: ss.Outlets,
			unique: ss.Unique, cidx: newTable(2 * len(ss.CKeys)), labels: make(map[uint64]label, len(ss.Labels)),
		}
		if ss.OutletsEmpty {
			s.outlets = []string{}
		}
		for j, k := range s.ckeys {
			s.cidx.slot(k, int32(j))
		}
		for _, l := range ss.Labels {
			s.labels[l.Key] = label{l.Kind, l.Text}
		}
		var err error
		if s.reps, err = reps(ss.Reps); err != nil {
			return fmt.Errorf("story %s: %w", ss.ID, err)
		}
		if s.vecs, err = reps(ss.Vecs); err != nil {
			return fmt.Errorf("story %s: %w", ss.ID, err)
		}
		stories[i] = s
		c.active[s.id] = s
	}
	goneRef := &dupRef{s: gone}
	refs := make([]*dupRef, len(st.Refs))
	for i, r := range st.Refs {
		if r.Story < 0 || int(r.Story) >= len(stories) {
			return fmt.Errorf("duplicate reference %d: no story %d", i, r.Story)
		}
		refs[i] = &dupRef{s: stories[r.Story], id: r.ID, sketch: r.Sketch}
	}
	for i, ss := range st.Stories {
		for _, j := range ss.DupRefs {
			if j < 0 || int(j) >= len(refs) || refs[j].s != stories[i] {
				return fmt.Errorf("story %s: bad duplicate reference %d", ss.ID, j)
			}
			stories[i].dupRefs = append(stories[i].dupRefs, refs[j])
		}
	}
	var err error
	if c.postings, err = lists(st.Postings, stories, gone); err != nil {
		return fmt.Errorf("postings: %w", err)
	}
	if c.dups, err = lists(st.Dups, refs, goneRef); err != nil {
		return fmt.Errorf("duplicate index: %w", err)
	}
	return nil
}

func reps(rs []repState) ([]rep, error) {
	var out []rep
	for _, r := range rs {
		if len(r.Keys) != len(r.Vals) {
			return nil, fmt.Errorf("member %s: keys and values differ in number", r.ID)
		}
		out = append(out, rep{r.ID, r.Title, r.TitleMade, r.Keys, r.Vals, r.Sig})
	}
	return out, nil
}

// lists rebuilds an index from its numbered entries; -1 stands for gone.
func lists[T any](ls []listState, of []T, gone T) (map[uint64][]T, error) {
	m := make(map[uint64][]T, len(ls))
	for _, l := range ls {
		if _, ok := m[l.Key]; ok {
			return nil, fmt.Errorf("key %d twice", l.Key)
		}
		list := make([]T, len(l.Of))
		for i, n := range l.Of {
			switch {
			case n == -1:
				list[i] = gone
			case n < 0 || int(n) >= len(of):
				return nil, fmt.Errorf("key %d: no entry %d", l.Key, n)
			default:
				list[i] = of[n]
			}
		}
		m[l.Key] = list
	}
	return m, nil
}

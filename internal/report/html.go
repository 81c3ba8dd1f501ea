package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/compare"
)

// StoryOptions tunes the story view. The zero value works.
type StoryOptions struct {
	// Title is the story's headline; "" means the title of the first
	// article that has one (input order, which for the desk is the order
	// of publication).
	Title string
	// MatrixRows and MatrixColumns bound the coverage matrix: the facts of
	// the most outlets and the outlets that report the most of them. 0
	// means DefaultMatrixRows and DefaultMatrixColumns. The page says what
	// was left out; every fact is still listed and highlighted.
	MatrixRows, MatrixColumns int
}

// The default bounds of the coverage matrix. They keep the matrix, the
// only part of the page whose size is a product (facts × outlets), of a
// fixed size, so the page grows with the articles' text alone.
const (
	DefaultMatrixRows    = 40
	DefaultMatrixColumns = 24
)

// titleTags is the most articles a title or a list item names one by one;
// beyond it the rest are counted. Every passage of an item carries a title,
// so naming all the articles in each would make the page grow with the
// square of the story.
const titleTags = 4

// maxAgreed is the most facts "What all agree on" lists; the matrix has
// the rest.
const maxAgreed = 6

// WriteHTML writes r as one self-contained HTML page: the story view of
// WriteStory with its stylesheet embedded, no script, and a
// Content-Security-Policy that allows only that stylesheet. All article
// text goes through html/template's escaping.
func WriteHTML(w io.Writer, r compare.Report) error {
	sum := sha256.Sum256([]byte(StoryCSS))
	head := fmt.Sprintf(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-%s'; img-src 'none'; base-uri 'none'; form-action 'none'">
<title>%s</title>
<style>%s</style>
</head>
<body>
`, base64.StdEncoding.EncodeToString(sum[:]), template.HTMLEscapeString(StoryTitle(r, StoryOptions{})), StoryCSS)
	if _, err := io.WriteString(w, head); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	if err := WriteStory(w, r, StoryOptions{}); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "</body>\n</html>\n"); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// Untitled is the headline of a story none of whose articles has a title.
const Untitled = "Untitled story"

// TimeLayout shows a time for people, in UTC: "2011-10-21 18:53 UTC".
const TimeLayout = "2006-01-02 15:04 UTC"

// StoryTitle is the story's headline: o.Title, else the title of the first
// article with one, else Untitled. Control characters are removed.
func StoryTitle(r compare.Report, o StoryOptions) string {
	if t := oneLine(o.Title); t != "" {
		return t
	}
	for _, a := range r.Articles {
		if t := oneLine(a.Title); t != "" {
			return t
		}
	}
	return Untitled
}

// WriteStory writes the story view of r as one HTML fragment (a <main
// class="story">) for a page whose stylesheet is StoryCSS: at a glance
// which outlets covered the story and when, what they agree on and what is
// disputed; a legend; the coverage matrix (facts × outlets, each cell a
// link to the evidence sentence); the facts only one outlet has, under
// that outlet; figures, quotes, tensions, who is named by whom, a
// timeline; and the articles side by side with every passage marked. It
// needs no script: every link is a fragment link within the view.
func WriteStory(w io.Writer, r compare.Report, o StoryOptions) error {
	tmpl, err := storyTemplate()
	if err != nil {
		return err
	}
	if err := tmpl.Execute(w, newStoryView(r, o)); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

var storyTemplate = sync.OnceValues(func() (*template.Template, error) {
	t, err := template.New("story").Parse(storyHTML)
	if err != nil {
		return nil, fmt.Errorf("html template: %w", err)
	}
	return t, nil
})

// SafeURL returns u when it is an absolute http or https URL, else "": a
// page links only to those, so a javascript: or data: URL from an input is
// shown as text at most.
func SafeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return p.String()
}

// The marks of the matrix cells and of the passages in the articles. Each
// has a symbol as well as a colour, so that the page reads in greyscale.
const (
	symReported   = "✔"
	symNotIn      = "✕"
	symUnclear    = "?"
	symAgree      = "="
	symCompatible = "≈"
	symConflict   = "≠"
	symReworded   = "✎"
	symTension    = "⚠"
)

type storyView struct {
	Title      string
	Line       string
	Notes      []string
	Outlets    []outletView
	Agreed     []factRef
	AgreedTop  []factRef // the first of Agreed, at most maxAgreed
	AgreedMore int
	Wide       []factRef // when nothing is agreed by all: the most widely reported facts
	Disputed   []disputed
	Summary    []summaryLine
	Legend     []legendItem

	Cols      []colView
	Rows      []rowView
	RowsLeft  int
	ColsLeft  int
	SharedN   int
	Only      []onlyGroup
	Figures   []figureView
	SameFigs  []figureView
	Quotes    []quoteView
	Tensions  []tensionView
	Named     []namedView
	Timeline  []timeView
	Articles  []articleView
	OutletsN  int
	ArticlesN int
}

type outletView struct {
	Tag, Label, First string
	Href              string
	Articles          int
	Reported, Only    int
	Copy              bool // an account of several outlets running one text
}

type factRef struct {
	N    int
	Text string
	Tags string
	Of   string // "4 of 5 outlets"
}

type disputed struct {
	Kind, Text, Href string
}

type summaryLine struct{ Text, Tags string }

type legendItem struct{ Class, Sym, Sample, Means string }

type colView struct{ Tag, Label, Short string }

type rowView struct {
	N     int
	ID    string
	Text  string
	Of    string
	Cells []cellView
}

type cellView struct {
	Class, Sym, Href, Label string
}

type onlyGroup struct {
	Tag, Label string
	Facts      []onlyFact
}

type onlyFact struct {
	N          int
	ID         string
	Text, Href string
	Note       string
}

type figureView struct {
	ID                   string
	Verdict, Sym, Counts string
	Mentions             []figureMention
}

type figureMention struct {
	Tag, Text, When, Href string
}

type quoteView struct {
	Speaker, Verdict, Sym string
	Mentions              []quoteMention
	Changes               []compare.Change
}

type quoteMention struct{ Tag, Text, Href string }

type tensionView struct {
	N               int
	ID              string
	Kind, Text, Why string
	Sides           []quoteMention
}

type namedView struct {
	Name, Type, Aliases string
	By                  []namedBy
	More                int
}

type namedBy struct {
	Tag   string
	Count int
}

type timeView struct {
	When, Tag, Label, Href string
	First                  []factLink
	More                   int
}

type factLink struct {
	N    int
	Href string
}

type articleView struct {
	Tag, Label, Title, When, URL, ID string
	Segments                         []segment
}

// newStoryView computes everything the story template shows.
func newStoryView(r compare.Report, o StoryOptions) storyView {
	rows := cmp.Or(o.MatrixRows, DefaultMatrixRows)
	cols := cmp.Or(o.MatrixColumns, DefaultMatrixColumns)
	t := newTags(r)
	accs, of := accounts(r)
	accIndex := map[string]int{}
	for i, a := range accs {
		accIndex[a.id] = i
	}
	byID := map[string]compare.Article{}
	for _, a := range r.Articles {
		byID[a.ID] = a
	}
	v := storyView{Title: StoryTitle(r, o), Notes: r.Notes, OutletsN: len(accs), ArticlesN: len(r.Articles)}
	v.Line = fmt.Sprintf("%d %s from %d %s", len(r.Articles), plural(len(r.Articles), "article", "articles"),
		len(accs), plural(len(accs), "outlet", "outlets"))
	if lo, hi := span(r.Articles); lo != "" {
		v.Line += ", " + lo
		if hi != lo {
			v.Line += " to " + hi
		}
	}

	// Facts: numbered in order of coverage (compare lists the most widely
	// reported first; the sort is stable), shared ones first.
	type fact struct {
		f        compare.Fact
		n        int
		accounts []int // the accounts that report it
		state    map[int]byte
		evidence map[int]string // account -> href of its evidence
	}
	var facts []*fact
	for _, f := range r.Facts {
		x := &fact{f: f, state: map[int]byte{}, evidence: map[int]string{}}
		for _, id := range f.Articles {
			k := accIndex[of[id]]
			if x.state[k] != 'y' {
				x.state[k] = 'y'
				x.accounts = append(x.accounts, k)
			}
		}
		for _, e := range f.Evidence {
			k := accIndex[of[e.Article]]
			if _, ok := x.evidence[k]; !ok {
				x.evidence[k] = "#" + anchor(t.of(e.Article), e.Start)
			}
		}
		for _, id := range f.Unclear {
			if k := accIndex[of[id]]; x.state[k] == 0 {
				x.state[k] = '?'
			}
		}
		facts = append(facts, x)
	}
	slices.SortStableFunc(facts, func(a, b *fact) int { return len(b.accounts) - len(a.accounts) })
	for i, x := range facts {
		x.n = i + 1
	}
	factHref := func(n int) string { return fmt.Sprintf("#fact-%d", n) }

	// Outlets at a glance.
	reported := make([]int, len(accs))
	only := make([]int, len(accs))
	for _, x := range facts {
		for _, k := range x.accounts {
			reported[k]++
		}
		if len(x.accounts) == 1 {
			only[x.accounts[0]]++
		}
	}
	for i, a := range accs {
		first := ""
		for _, id := range a.articles {
			if p := byID[id].Published; p != "" && (first == "" || p < first) {
				first = p
			}
		}
		v.Outlets = append(v.Outlets, outletView{Tag: t.few(a.articles), Label: a.label(), First: when(first),
			Href: "#" + articleID(t.of(a.articles[0])), Articles: len(a.articles), Reported: reported[i], Only: only[i],
			Copy: len(a.labels) > 1})
	}
	sharedN := 0
	for _, x := range facts {
		if len(x.accounts) < 2 {
			continue
		}
		sharedN++
		ref := factRef{N: x.n, Text: oneLine(x.f.Text), Tags: t.few(x.f.Articles), Of: fmt.Sprintf("%d of %d outlets", len(x.accounts), len(accs))}
		if len(x.accounts) == len(accs) {
			v.Agreed = append(v.Agreed, ref)
		} else if len(v.Wide) < 5 && len(v.Agreed) == 0 {
			v.Wide = append(v.Wide, ref)
		}
	}
	v.SharedN = sharedN
	v.AgreedTop = v.Agreed[:min(len(v.Agreed), maxAgreed)]
	v.AgreedMore = len(v.Agreed) - len(v.AgreedTop)
	for i, x := range r.Tensions {
		v.Disputed = append(v.Disputed, disputed{Kind: string(x.Kind), Text: oneLine(cmp.Or(x.Why, x.Text)), Href: fmt.Sprintf("#tension-%d", i+1)})
	}
	for i, q := range r.Quantities {
		if q.Verdict == compare.Conflict {
			var vals []string
			for _, m := range q.Mentions {
				vals = appendOnce(vals, figure(m))
			}
			if len(vals) > titleTags {
				vals = append(vals[:titleTags], "…")
			}
			v.Disputed = append(v.Disputed, disputed{Kind: "figure", Text: countsLabel(q) + ": " + strings.Join(vals, " / "), Href: fmt.Sprintf("#figure-%d", i+1)})
		}
	}
	for _, s := range r.Summary {
		v.Summary = append(v.Summary, summaryLine{Text: oneLine(s.Text), Tags: t.few(s.Articles)})
	}
	v.Legend = legend

	// The matrix: the shared facts of the most outlets × the outlets that
	// report the most of them.
	colOrder := make([]int, len(accs))
	for i := range colOrder {
		colOrder[i] = i
	}
	slices.SortStableFunc(colOrder, func(a, b int) int { return reported[b] - reported[a] })
	if len(colOrder) > cols {
		v.ColsLeft = len(colOrder) - cols
		colOrder = colOrder[:cols]
	}
	slices.Sort(colOrder) // back to the order of the outlets
	// Each column's outlet label and article link, once for all rows.
	colWho := make([]string, len(colOrder))
	colHref := make([]string, len(colOrder))
	for c, k := range colOrder {
		colWho[c], colHref[c] = accs[k].label(), "#"+articleID(t.of(accs[k].id))
		v.Cols = append(v.Cols, colView{Tag: t.of(accs[k].id), Label: colWho[c], Short: short(colWho[c], 24)})
	}
	for _, x := range facts {
		if len(x.accounts) < 2 {
			continue
		}
		if len(v.Rows) == rows {
			v.RowsLeft++
			continue
		}
		row := rowView{N: x.n, ID: fmt.Sprintf("fact-%d", x.n), Text: oneLine(x.f.Text), Of: fmt.Sprintf("%d/%d", len(x.accounts), len(accs))}
		for col, k := range colOrder {
			c := cellView{Class: "no", Sym: symNotIn, Href: colHref[col]}
			who := colWho[col]
			switch x.state[k] {
			case 'y':
				c.Class, c.Sym = "yes", symReported
				if h, ok := x.evidence[k]; ok {
					c.Href = h
				}
				c.Label = fmt.Sprintf("fact %d: reported by %s", x.n, who)
			case '?':
				c.Class, c.Sym = "unk", symUnclear
				c.Label = fmt.Sprintf("fact %d: unclear in %s", x.n, who)
			default:
				c.Label = fmt.Sprintf("fact %d: not reported by %s", x.n, who)
			}
			row.Cells = append(row.Cells, c)
		}
		v.Rows = append(v.Rows, row)
	}

	// Facts of one outlet, under it.
	groups := map[int]*onlyGroup{}
	for _, x := range facts {
		if len(x.accounts) != 1 {
			continue
		}
		k := x.accounts[0]
		g := groups[k]
		if g == nil {
			g = &onlyGroup{Tag: t.few(accs[k].articles), Label: accs[k].label()}
			groups[k] = g
		}
		g.Facts = append(g.Facts, onlyFact{N: x.n, ID: fmt.Sprintf("fact-%d", x.n), Text: oneLine(x.f.Text), Href: x.evidence[k],
			Note: strings.TrimSpace(presenceNote(x.f, t.few))})
	}
	for k := range accs {
		if g := groups[k]; g != nil {
			v.Only = append(v.Only, *g)
		}
	}

	// Figures, quotes, tensions, names.
	for i, q := range r.Quantities {
		fv := figureView{ID: fmt.Sprintf("figure-%d", i+1), Verdict: string(q.Verdict), Sym: verdictSym(q.Verdict), Counts: countsLabel(q)}
		ms := slices.Clone(q.Mentions)
		slices.SortStableFunc(ms, func(a, b compare.QuantityMention) int {
			return strings.Compare(byID[a.Article].Published, byID[b.Article].Published)
		})
		for _, m := range ms {
			fv.Mentions = append(fv.Mentions, figureMention{Tag: t.of(m.Article), Text: figure(m), When: when(byID[m.Article].Published),
				Href: "#" + anchor(t.of(m.Article), m.Start)})
		}
		switch q.Verdict {
		case compare.Conflict, compare.Compatible:
			v.Figures = append(v.Figures, fv)
		default:
			v.SameFigs = append(v.SameFigs, fv)
		}
	}
	for _, q := range r.Quotes {
		if len(q.Articles) < 2 {
			continue
		}
		qv := quoteView{Speaker: orDash(oneLine(q.Speaker)), Verdict: string(q.Verdict), Sym: verdictSym(q.Verdict), Changes: q.Changes}
		for _, m := range q.Mentions {
			qv.Mentions = append(qv.Mentions, quoteMention{Tag: t.of(m.Article), Text: oneLine(m.Text), Href: "#" + anchor(t.of(m.Article), m.Start)})
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for i, x := range r.Tensions {
		tv := tensionView{N: i + 1, ID: fmt.Sprintf("tension-%d", i+1), Kind: string(x.Kind), Text: oneLine(x.Text), Why: oneLine(x.Why)}
		for _, s := range x.Sides {
			tv.Sides = append(tv.Sides, quoteMention{Tag: t.of(s.Article), Text: oneLine(s.Text), Href: "#" + anchor(t.of(s.Article), s.Start)})
		}
		v.Tensions = append(v.Tensions, tv)
	}
	for _, e := range r.Entities {
		nv := namedView{Name: oneLine(e.Name), Type: string(e.Type)}
		var aliases []string
		for _, a := range e.Aliases {
			if a != e.Name {
				aliases = append(aliases, oneLine(a))
			}
		}
		nv.Aliases = strings.Join(aliases, ", ")
		counts := map[int]int{}
		var order []int
		for _, id := range e.Articles {
			k := accIndex[of[id]]
			if _, ok := counts[k]; !ok {
				order = append(order, k)
			}
			counts[k] += max(e.Counts[id], 1)
		}
		for i, k := range order {
			if i == 2*titleTags {
				nv.More = len(order) - i
				break
			}
			nv.By = append(nv.By, namedBy{Tag: t.of(accs[k].id), Count: counts[k]})
		}
		v.Named = append(v.Named, nv)
	}

	// The timeline: outlets in the order they came in, with the shared
	// facts each had first.
	firstArt := map[int]string{} // fact n -> article id that had it first
	for _, x := range facts {
		if len(x.accounts) < 2 {
			continue
		}
		best := ""
		for _, id := range x.f.Articles {
			p := byID[id].Published
			if best == "" || p != "" && (byID[best].Published == "" || p < byID[best].Published) {
				best = id
			}
		}
		firstArt[x.n] = best
	}
	arts := slices.Clone(r.Articles)
	slices.SortStableFunc(arts, func(a, b compare.Article) int {
		switch {
		case a.Published == b.Published:
			return 0
		case a.Published == "":
			return 1
		case b.Published == "":
			return -1
		}
		return strings.Compare(a.Published, b.Published)
	})
	firsts := map[string][]int{}
	for _, x := range facts {
		if id, ok := firstArt[x.n]; ok {
			firsts[id] = append(firsts[id], x.n)
		}
	}
	for _, a := range arts {
		tv := timeView{When: cmp.Or(when(a.Published), "undated"), Tag: t.of(a.ID), Label: oneLine(a.Label()), Href: "#" + articleID(t.of(a.ID))}
		for i, n := range firsts[a.ID] {
			if i == 3*titleTags {
				tv.More = len(firsts[a.ID]) - i
				break
			}
			tv.First = append(tv.First, factLink{N: n, Href: factHref(n)})
		}
		if len(tv.First) == 0 && len(r.Articles) > 2*DefaultMatrixColumns {
			continue // a large story lists only the articles that were first with something
		}
		v.Timeline = append(v.Timeline, tv)
	}

	// The articles, with their passages marked.
	marks := map[string][]mark{}
	add := func(id string, m mark) { marks[id] = append(marks[id], m) }
	for _, x := range facts {
		shared := len(x.accounts) > 1
		for _, e := range x.f.Evidence {
			cls, title := "solo", fmt.Sprintf("fact %d: only in %s", x.n, accs[accIndex[of[e.Article]]].label())
			if shared {
				cls, title = "fact", fmt.Sprintf("fact %d: %d of %d outlets", x.n, len(x.accounts), len(accs))
			}
			add(e.Article, mark{start: e.Start, end: e.End, class: cls, title: title, id: anchor(t.of(e.Article), e.Start)})
		}
	}
	for i, x := range r.Tensions {
		for _, s := range x.Sides {
			add(s.Article, mark{start: s.Start, end: s.End, class: "tension", title: fmt.Sprintf("tension %d (%s)", i+1, x.Kind),
				sym: symTension, id: anchor(t.of(s.Article), s.Start)})
		}
	}
	for _, q := range r.Quotes {
		if len(q.Articles) < 2 {
			continue
		}
		cls, sym := "quote", ""
		if q.Verdict == compare.Reworded {
			cls, sym = "quote reworded", symReworded
		}
		for _, m := range q.Mentions {
			add(m.Article, mark{start: m.Start, end: m.End, class: cls, sym: sym,
				title: fmt.Sprintf("quote by %s, %s in %s", orDash(oneLine(q.Speaker)), q.Verdict, t.few(q.Articles)),
				id:    anchor(t.of(m.Article), m.Start)})
		}
	}
	for i, q := range r.Quantities {
		for _, m := range q.Mentions {
			add(m.Article, mark{start: m.Start, end: m.Start, id: anchor(t.of(m.Article), m.Start)})
		}
		if q.Verdict == compare.Single {
			continue
		}
		for _, m := range q.Spans { // every place, where Mentions list each wording once
			add(m.Article, mark{start: m.Start, end: m.End, class: "fig " + string(q.Verdict), sym: verdictSym(q.Verdict),
				title: fmt.Sprintf("figure %d, %s: %s", i+1, countsLabel(q), q.Verdict), id: anchor(t.of(m.Article), m.Start)})
		}
	}
	for _, a := range r.Articles {
		tag := t.of(a.ID)
		v.Articles = append(v.Articles, articleView{Tag: tag, ID: articleID(tag), Label: oneLine(a.Label()), Title: oneLine(a.Title),
			When: when(a.Published), URL: SafeURL(a.URL), Segments: segments(a.Text, marks[a.ID])})
	}
	return v
}

var legend = []legendItem{
	{"cell yes", symReported, "", "reported: the outlet states the fact (the link opens its sentence)"},
	{"cell no", symNotIn, "", "not reported: none of the fact's names, figures or content appear in the outlet"},
	{"cell unk", symUnclear, "", "unclear: the evidence is too thin to say either way"},
	{"fact", "", "passage", "a fact several outlets report"},
	{"solo", "", "passage", "a fact only this outlet reports"},
	{"fig agree", symAgree, "12", "a figure the outlets agree on"},
	{"fig compatible", symCompatible, "12", "figures that differ but can all be true (rounding, \"more than\")"},
	{"fig conflict", symConflict, "12", "figures that cannot all be true"},
	{"quote", "", "“words”", "a quote several outlets carry in the same words"},
	{"quote reworded", symReworded, "“words”", "a quote other outlets word differently"},
	{"tension", symTension, "passage", "a statement another outlet contradicts"},
}

func verdictSym(v compare.Verdict) string {
	switch v {
	case compare.Agree, compare.Same:
		return symAgree
	case compare.Compatible:
		return symCompatible
	case compare.Conflict:
		return symConflict
	case compare.Reworded:
		return symReworded
	}
	return ""
}

// short cuts s to at most n runes, with an ellipsis.
func short(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func appendOnce(l []string, s string) []string {
	if slices.Contains(l, s) {
		return l
	}
	return append(l, s)
}

// articleID is the element id of an article's column; anchor that of a
// passage starting at byte start of its text.
func articleID(tag string) string         { return "art-" + tag }
func anchor(tag string, start int) string { return fmt.Sprintf("p-%s-%d", tag, start) }

// when shows a published time for people: "2011-10-21 18:53 UTC", or the
// day alone.
func when(p string) string {
	if p == "" {
		return ""
	}
	if t, err := time.Parse(time.RFC3339, p); err == nil {
		return t.UTC().Format(TimeLayout)
	}
	return oneLine(p)
}

// span is the first and last publication time of the articles.
func span(as []compare.Article) (lo, hi string) {
	for _, a := range as {
		if a.Published == "" {
			continue
		}
		if lo == "" || a.Published < lo {
			lo = a.Published
		}
		if a.Published > hi {
			hi = a.Published
		}
	}
	return when(lo), when(hi)
}

// few names the articles by tag when they are at most titleTags, else
// counts them.
func (t tags) few(ids []string) string {
	if len(ids) > titleTags {
		return t.list(ids[:titleTags]) + fmt.Sprintf(" +%d", len(ids)-titleTags)
	}
	return t.list(ids)
}

// mark is one marked passage of an article. A mark with start == end is
// only an anchor.
type mark struct {
	start, end int
	class      string
	title      string
	sym        string // shown after the passage
	id         string // element id at the passage's start, for links
}

// segment is a run of article text with the marks that cover it.
type segment struct {
	ID    string // an anchor at the run's start
	Text  string
	Class string // "" for plain text
	Title string
	Sym   string // the symbols of the marks that end with this run
}

// segments cuts text at every mark boundary; each piece takes the classes
// of all marks over it and the title of the innermost. Marks out of range
// or not on UTF-8 boundaries are ignored. It sweeps the sorted boundaries
// once, so its cost is the marks times the few marks over each point.
func segments(text string, ms []mark) []segment {
	var valid []mark
	ids := map[int]string{}
	for _, m := range ms {
		if m.start < 0 || m.end > len(text) || m.start > m.end || !boundary(text, m.start) || !boundary(text, m.end) {
			continue
		}
		if _, ok := ids[m.start]; !ok && m.id != "" {
			ids[m.start] = m.id
		}
		if m.start < m.end {
			valid = append(valid, m)
		}
	}
	cuts := []int{0, len(text)}
	for _, m := range valid {
		cuts = append(cuts, m.start, m.end)
	}
	for at := range ids {
		cuts = append(cuts, at)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	slices.SortStableFunc(valid, func(a, b mark) int { return a.start - b.start })
	var out []segment
	var active []mark
	next := 0
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		active = slices.DeleteFunc(active, func(m mark) bool { return m.end <= a })
		for next < len(valid) && valid[next].start <= a {
			if valid[next].end > a {
				active = append(active, valid[next])
			}
			next++
		}
		seg := segment{Text: text[a:b], ID: ids[a]}
		var classes, syms []string
		inner := -1
		for k, m := range active {
			for _, c := range strings.Fields(m.class) {
				classes = appendOnce(classes, c)
			}
			if inner < 0 || m.end-m.start < active[inner].end-active[inner].start {
				inner = k
			}
			if m.end == b && m.sym != "" {
				syms = appendOnce(syms, m.sym)
			}
		}
		if inner >= 0 {
			slices.Sort(classes)
			seg.Class = strings.Join(classes, " ")
			seg.Title = active[inner].title
		}
		seg.Sym = strings.Join(syms, "")
		if n := len(out); n > 0 && seg.ID == "" && out[n-1].Sym == "" && out[n-1].Class == seg.Class && out[n-1].Title == seg.Title {
			out[n-1].Text += seg.Text
			out[n-1].Sym = seg.Sym
			continue
		}
		out = append(out, seg)
	}
	return out
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/compare"
)

// Format is an output format.
type Format string

// The formats.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	JSON     Format = "json"
	HTML     Format = "html"
)

// ParseFormat returns the format named s ("md" is Markdown).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "text", "txt":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "json":
		return JSON, nil
	case "html":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown format %q (text, markdown, json or html)", s)
}

// Options tunes the renderers. The zero value prints plain text and caps
// long lists in the text and Markdown formats at DefaultMaxItems.
type Options struct {
	Color    bool // ANSI colour in the text format (for terminals)
	MaxItems int  // items per list in text and Markdown; 0 means DefaultMaxItems, <0 no cap
}

// DefaultMaxItems caps each list of the text and Markdown reports; the JSON
// and HTML reports hold every item of the comparison (which compare itself
// bounds for very large stories, saying so in its notes).
const DefaultMaxItems = 25

func (o Options) max() int {
	switch {
	case o.MaxItems == 0:
		return DefaultMaxItems
	case o.MaxItems < 0:
		return int(^uint(0) >> 1)
	}
	return o.MaxItems
}

// Write renders r to w in format f.
func Write(w io.Writer, r compare.Report, f Format, opt Options) error {
	switch f {
	case Text, "":
		return WriteText(w, r, opt)
	case Markdown:
		return WriteMarkdown(w, r, opt)
	case JSON:
		return WriteJSON(w, r)
	case HTML:
		return WriteHTML(w, r)
	}
	return fmt.Errorf("unknown format %q", f)
}

// WriteJSON writes r as one indented JSON object (schema in the package
// documentation).
func WriteJSON(w io.Writer, r compare.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// tags gives every article a short tag for the text formats: A, B, … Z,
// then numbers.
type tags map[string]string

func newTags(r compare.Report) tags {
	t := tags{}
	for i, a := range r.Articles {
		if len(r.Articles) <= 26 {
			t[a.ID] = string(rune('A' + i))
		} else {
			t[a.ID] = strconv.Itoa(i + 1)
		}
	}
	return t
}

func (t tags) list(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = t.of(id)
	}
	return strings.Join(out, " ")
}

func (t tags) of(id string) string {
	if s, ok := t[id]; ok {
		return s
	}
	return id
}

// value prints a figure without a needless decimal part, with thousands
// separators.
func value(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// figure is a quantity mention as the article wrote it ("more than 4,400
// American military personnel"), else its qualifier and value.
func figure(m compare.QuantityMention) string {
	if t := oneLine(m.Text); t != "" {
		return t
	}
	if m.Qualifier != "" {
		return string(m.Qualifier) + " " + value(m.Value)
	}
	return value(m.Value)
}

// oneLine collapses white space so that a passage fits one line.
func oneLine(s string) string { return Safe(strings.Join(strings.Fields(s), " ")) }

// account is one independent account of the story: the articles of one
// outlet, or of the outlets that run one wire copy (compare.Article's
// Account). Its articles never confirm each other.
type account struct {
	id       string   // its first article
	articles []string // its articles, in input order
	labels   []string // its outlets (else article ids), each once
}

func (a account) label() string { return strings.Join(a.labels, ", ") }

// accounts returns the story's accounts in the order of their first
// articles, and each article's account id. An article without an Account
// stands alone.
func accounts(r compare.Report) ([]account, map[string]string) {
	of := map[string]string{}
	var out []account
	at := map[string]int{}
	for _, a := range r.Articles {
		id := a.Account
		if id == "" {
			id = a.ID
		}
		of[a.ID] = id
		k, ok := at[id]
		if !ok {
			k = len(out)
			at[id] = k
			out = append(out, account{id: id})
		}
		acc := &out[k]
		acc.articles = append(acc.articles, a.ID)
		if l := a.Label(); !slices.ContainsFunc(acc.labels, func(x string) bool { return strings.EqualFold(x, l) }) {
			acc.labels = append(acc.labels, l)
		}
	}
	return out, of
}

// outlets returns the number of distinct accounts among the articles ids.
func outlets(of map[string]string, ids []string) int {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		a, ok := of[id]
		if !ok {
			a = id
		}
		seen[a] = true
	}
	return len(seen)
}

// shared splits the facts into those that more than one account reports
// (several independent outlets) and the others, by account id: two
// articles of one outlet, or two outlets running one wire copy, are one
// account.
func shared(r compare.Report) (multi []compare.Fact, unique map[string][]compare.Fact) {
	_, of := accounts(r)
	unique = map[string][]compare.Fact{}
	for _, f := range r.Facts {
		switch n := outlets(of, f.Articles); {
		case n > 1:
			multi = append(multi, f)
		case n == 1:
			a := of[f.Articles[0]]
			unique[a] = append(unique[a], f)
		}
	}
	return multi, unique
}

// storyLine is the headline of a report: the number of articles, and of
// outlets when some articles share one.
func storyLine(r compare.Report) string {
	line := fmt.Sprintf("Story: %d article(s)", len(r.Articles))
	sources := map[string]bool{}
	n := 0 // outlets: the distinct sources, and each article without one
	for _, a := range r.Articles {
		src := strings.ToLower(strings.Join(strings.Fields(a.Source), " "))
		if src == "" || !sources[src] {
			n++
		}
		if src != "" {
			sources[src] = true
		}
	}
	if n < len(r.Articles) {
		line += fmt.Sprintf(" from %d outlet(s)", n)
	}
	return line
}

func words(s string) int { return len(strings.Fields(s)) }

func summaryWords(r compare.Report) int {
	n := 0
	for _, s := range r.Summary {
		n += words(s.Text)
	}
	return n
}

// countsLabel names what a figure group counts: its counted thing, else
// its unit, else its kind.
func countsLabel(q compare.Quantity) string {
	switch {
	case q.Counts != "":
		return q.Counts
	case q.Unit != "":
		return q.Unit
	case q.Kind != "":
		return string(q.Kind)
	}
	return "—"
}

// presenceNote says, after a fact only some articles report, which of the
// others clearly do not report it and for which the evidence is too thin
// to say (compare's OmittedBy and Unclear): "  (not in [B]; unclear in
// [C])". Without it "Only in A" would read as "B left this out" for every
// other article. list names articles by their tags.
func presenceNote(f compare.Fact, list func([]string) string) string {
	var parts []string
	if len(f.OmittedBy) > 0 {
		parts = append(parts, "not in ["+list(f.OmittedBy)+"]")
	}
	if len(f.Unclear) > 0 {
		parts = append(parts, "unclear in ["+list(f.Unclear)+"]")
	}
	if len(parts) == 0 {
		return ""
	}
	return "  (" + strings.Join(parts, "; ") + ")"
}

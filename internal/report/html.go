package report

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/compare"
)

// mark is one highlighted passage of an article.
type mark struct {
	start, end int
	class      string
	key        string // links the passages of one item across articles
	title      string
}

// segment is a run of article text with the highlights that cover it.
type segment struct {
	Text  string
	Class string // "" for plain text
	Key   string
	Title string
}

type htmlArticle struct {
	Tag      string
	Article  compare.Article
	Segments []segment
}

type htmlPage struct {
	R        compare.Report
	Story    string // the headline: articles and outlets
	Tags     tags
	Words    int
	Shared   []compare.Fact
	Unique   []htmlUnique
	Articles []htmlArticle
	Columns  int
}

type htmlUnique struct {
	Tag   string
	Label string
	Facts []compare.Fact
}

// WriteHTML writes r as one self-contained HTML page: the comparison on
// top, the articles side by side below with the matching passages
// highlighted. All article text goes through html/template's escaping.
func WriteHTML(w io.Writer, r compare.Report) error {
	t := newTags(r)
	p := htmlPage{R: r, Story: storyLine(r), Tags: t, Words: summaryWords(r), Columns: min(max(len(r.Articles), 1), 4)}
	multi, unique := shared(r)
	p.Shared = multi
	accs, _ := accounts(r)
	for _, a := range accs {
		if fs := unique[a.id]; len(fs) > 0 {
			p.Unique = append(p.Unique, htmlUnique{Tag: t.list(a.articles), Label: a.label(), Facts: fs})
		}
	}
	marks := map[string][]mark{}
	for i, f := range multi {
		for _, s := range f.Spans {
			marks[s.Article] = append(marks[s.Article], mark{s.Start, s.End, "fact", fmt.Sprintf("f%d", i+1),
				fmt.Sprintf("fact %d, reported by %s", i+1, t.few(f.Articles))})
		}
	}
	for i, x := range r.Tensions {
		for _, s := range x.Sides {
			marks[s.Article] = append(marks[s.Article], mark{s.Start, s.End, "tension", fmt.Sprintf("t%d", i+1),
				fmt.Sprintf("tension %d (%s)", i+1, x.Kind)})
		}
	}
	for i, q := range r.Quotes {
		if len(q.Articles) < 2 {
			continue
		}
		for _, m := range q.Mentions {
			marks[m.Article] = append(marks[m.Article], mark{m.Start, m.End, "quote", fmt.Sprintf("q%d", i+1),
				fmt.Sprintf("quote by %s, %s in %s", orDash(q.Speaker), q.Verdict, t.few(q.Articles))})
		}
	}
	for i, q := range r.Quantities {
		for _, m := range q.Spans { // every place, where Mentions list each wording once
			marks[m.Article] = append(marks[m.Article], mark{m.Start, m.End, "num " + string(q.Verdict), fmt.Sprintf("n%d", i+1),
				fmt.Sprintf("%s: %s", countsLabel(q), q.Verdict)})
		}
	}
	for _, a := range r.Articles {
		p.Articles = append(p.Articles, htmlArticle{Tag: t.of(a.ID), Article: a, Segments: segments(a.Text, marks[a.ID])})
	}
	tmpl, err := template.New("page").Funcs(template.FuncMap{
		"tags":     t.list,
		"tag":      t.of,
		"figure":   figure,
		"oneLine":  oneLine,
		"dash":     orDash,
		"counts":   countsLabel,
		"inc":      func(i int) int { return i + 1 },
		"presence": func(f compare.Fact) string { return presenceNote(f, t.list) },
	}).Parse(pageTemplate)
	if err != nil {
		return fmt.Errorf("html template: %w", err)
	}
	if err := tmpl.Execute(w, p); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// segments cuts text at every highlight boundary; each piece takes the
// classes of all highlights over it and the key and title of the
// innermost. Highlights that are out of range or not on UTF-8 boundaries
// are ignored.
func segments(text string, ms []mark) []segment {
	valid := ms[:0:0]
	for _, m := range ms {
		if m.start < 0 || m.end > len(text) || m.start >= m.end || !boundary(text, m.start) || !boundary(text, m.end) {
			continue
		}
		valid = append(valid, m)
	}
	cuts := []int{0, len(text)}
	for _, m := range valid {
		cuts = append(cuts, m.start, m.end)
	}
	sort.Ints(cuts)
	var out []segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := segment{Text: text[a:b]}
		var classes []string
		inner := -1
		for k, m := range valid {
			if m.start <= a && b <= m.end {
				for _, c := range strings.Fields(m.class) {
					if !contains(classes, c) {
						classes = append(classes, c)
					}
				}
				if inner < 0 || m.end-m.start < valid[inner].end-valid[inner].start {
					inner = k
				}
			}
		}
		if inner >= 0 {
			sort.Strings(classes)
			seg.Class = strings.Join(classes, " ")
			seg.Key = valid[inner].key
			seg.Title = valid[inner].title
		}
		if n := len(out); n > 0 && out[n-1].Class == seg.Class && out[n-1].Key == seg.Key && out[n-1].Title == seg.Title {
			out[n-1].Text += seg.Text
			continue
		}
		out = append(out, seg)
	}
	return out
}

// titleTags is the most articles a highlight's title names; beyond it the
// title gives their number. Every passage of an item carries the title, so
// naming all the articles in each would make the page grow with the
// square of the story; the item's own entry above the articles names them
// once (and hovering a passage highlights the others).
const titleTags = 4

// few names the articles by tag when they are at most titleTags, else
// counts them.
func (t tags) few(ids []string) string {
	if len(ids) > titleTags {
		return fmt.Sprintf("%d articles", len(ids))
	}
	return t.list(ids)
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

func contains(x []string, s string) bool {
	for _, v := range x {
		if v == s {
			return true
		}
	}
	return false
}

const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parallax: {{len .R.Articles}} article(s){{range $i, $a := .R.Articles}}{{if and (eq $i 0) $a.Title}} — {{$a.Title}}{{end}}{{end}}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
main{max-width:1400px;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ddd}
.tag{display:inline-block;min-width:1.4em;padding:0 .3em;border-radius:4px;background:#2b5797;color:#fff;font-size:.8em;text-align:center;margin-right:.15em}
.muted{color:#777}.note{background:#fff4ce;padding:.3rem .6rem;border-radius:4px;margin:.2rem 0}
ul{padding-left:1.2rem}li{margin:.25rem 0}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.v-agree,.v-same{color:#1a7f37}.v-compatible,.v-reworded{color:#9a6700}.v-conflict{color:#cf222e}.v-single{color:#777}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem;margin:.3rem 0 .8rem}.side{background:#fff;border-left:3px solid #cf222e;padding:.3rem .6rem}
.grid{display:grid;grid-template-columns:repeat({{.Columns}},minmax(300px,1fr));gap:1rem;overflow-x:auto}
.col{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem}
.col h3{font-size:1rem;margin:0 0 .3rem}.body{white-space:pre-wrap}
mark{background:none;border-radius:3px}
mark.fact{background:#dbeafe}mark.quote{background:#ede9fe}mark.tension{box-shadow:inset 0 -2px #cf222e}
mark.num{font-weight:600;background:#fef3c7}mark.conflict{background:#fecaca}mark.agree,mark.compatible{background:#d1fae5}
mark.hl{outline:2px solid #2b5797}
</style>
</head>
<body>
<main>
<h1>{{.Story}}</h1>
<ul>{{range .R.Articles}}<li><span class="tag">{{tag .ID}}</span> <b>{{.Label}}</b>{{if .Title}}: {{.Title}}{{end}}{{if .Published}} <span class="muted">({{.Published}})</span>{{end}}{{if .URL}} <a href="{{.URL}}">link</a>{{end}}</li>{{end}}</ul>
{{range .R.Notes}}<div class="note">{{.}}</div>{{end}}
{{if .R.Summary}}<h2>Summary ({{.Words}} words)</h2>
<ul>{{range .R.Summary}}<li>{{oneLine .Text}} {{range .Articles}}<span class="tag">{{tag .}}</span>{{end}}</li>{{end}}</ul>{{end}}
{{if .Shared}}<h2>Reported by several outlets ({{len .Shared}})</h2>
<ul>{{range $i, $f := .Shared}}<li><mark class="fact" data-k="f{{inc $i}}">{{oneLine $f.Text}}</mark> {{range $f.Articles}}<span class="tag">{{tag .}}</span>{{end}}</li>{{end}}</ul>{{end}}
{{range .Unique}}<h2>Only in <span class="tag">{{.Tag}}</span> {{.Label}} ({{len .Facts}})</h2>
<ul>{{range .Facts}}<li>{{oneLine .Text}}<span class="muted">{{presence .}}</span></li>{{end}}</ul>{{end}}
{{if .R.Tensions}}<h2>Tensions ({{len .R.Tensions}})</h2>
{{range $i, $t := .R.Tensions}}<div class="muted">{{$t.Kind}}: {{$t.Text}}</div><div class="sides">{{range $t.Sides}}<div class="side"><span class="tag">{{tag .Article}}</span> <mark class="tension" data-k="t{{inc $i}}">{{oneLine .Text}}</mark></div>{{end}}</div>{{end}}{{end}}
{{if .R.Quantities}}<h2>Figures ({{len .R.Quantities}})</h2>
<table><tr><th>verdict</th><th>counts</th><th>figures</th></tr>
{{range .R.Quantities}}<tr><td class="v-{{.Verdict}}">{{.Verdict}}</td><td>{{counts .}}</td><td>{{range $j, $m := .Mentions}}{{if $j}} · {{end}}{{figure $m}} <span class="tag">{{tag $m.Article}}</span>{{end}}</td></tr>
{{end}}</table>{{end}}
{{if .R.Quotes}}<h2>Quotes ({{len .R.Quotes}})</h2>
<ul>{{range .R.Quotes}}<li><span class="v-{{.Verdict}}">{{.Verdict}}</span> — <b>{{dash .Speaker}}</b><ul>{{range .Mentions}}<li><span class="tag">{{tag .Article}}</span> “{{oneLine .Text}}”</li>{{end}}{{range .Changes}}<li class="muted"><s>{{dash .From}}</s> → {{dash .To}}</li>{{end}}</ul></li>{{end}}</ul>{{end}}
{{if .R.Entities}}<h2>Named ({{len .R.Entities}})</h2>
<table><tr><th>type</th><th>name</th><th>spellings</th><th>articles</th></tr>
{{range .R.Entities}}{{$e := .}}<tr><td>{{.Type}}</td><td>{{.Name}}</td><td class="muted">{{range $j, $a := .Aliases}}{{if $j}}, {{end}}{{$a}}{{end}}</td><td>{{range .Articles}}<span class="tag">{{tag .}}</span>×{{index $e.Counts .}} {{end}}</td></tr>
{{end}}</table>{{end}}
<h2>Articles</h2>
<div class="grid">{{range .Articles}}<div class="col"><h3><span class="tag">{{.Tag}}</span> {{.Article.Label}}</h3>{{if .Article.Title}}<div><b>{{.Article.Title}}</b></div>{{end}}{{if .Article.Published}}<div class="muted">{{.Article.Published}}</div>{{end}}
<div class="body">{{range .Segments}}{{if .Class}}<mark class="{{.Class}}" data-k="{{.Key}}" title="{{.Title}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</div></div>
{{end}}</div>
</main>
<script>
document.addEventListener("mouseover",function(e){var k=e.target.dataset&&e.target.dataset.k;document.querySelectorAll("mark.hl").forEach(function(m){m.classList.remove("hl")});if(k)document.querySelectorAll('mark[data-k="'+k+'"]').forEach(function(m){m.classList.add("hl")})});
</script>
</body>
</html>
`

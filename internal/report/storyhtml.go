package report

// storyHTML is the story view (WriteStory). It holds no script and no
// inline style: the page's stylesheet is StoryCSS.
const storyHTML = `<main class="story" id="story">
<header class="glance">
<h1>{{.Title}}</h1>
<p class="line">{{.Line}}</p>
{{range .Notes}}<p class="note">{{.}}</p>{{end}}
<section aria-labelledby="h-outlets"><h2 id="h-outlets">Who covered it, and when</h2>
<ul class="outlets">{{range .Outlets}}<li><a href="{{.Href}}"><span class="tag">{{.Tag}}</span> <b>{{.Label}}</b></a>{{if .Copy}} <span class="muted">(one wire text)</span>{{end}}
 <span class="when">{{if .First}}{{.First}}{{else}}undated{{end}}</span>
 <span class="muted">{{.Reported}} facts{{if .Only}}, {{.Only}} only here{{end}}{{if gt .Articles 1}}; {{.Articles}} articles{{end}}</span></li>{{end}}</ul>
</section>
<div class="two">
<section aria-labelledby="h-agreed"><h2 id="h-agreed">What all agree on</h2>
{{if .Agreed}}<ul>{{range .AgreedTop}}<li><a href="#fact-{{.N}}">F{{.N}}</a> {{.Text}}</li>{{end}}</ul>{{if .AgreedMore}}<p class="muted">and {{.AgreedMore}} more: see the <a href="#h-matrix">matrix</a></p>{{end}}
{{else if .Wide}}<p class="muted">No fact is in every outlet; the most widely reported:</p><ul>{{range .Wide}}<li><a href="#fact-{{.N}}">F{{.N}}</a> {{.Text}} <span class="muted">({{.Of}})</span></li>{{end}}</ul>
{{else}}<p class="muted">No fact is reported by more than one outlet.</p>{{end}}
</section>
<section aria-labelledby="h-disputed"><h2 id="h-disputed">What is disputed</h2>
{{if .Disputed}}<ul>{{range .Disputed}}<li><span class="sym">⚠</span> <a href="{{.Href}}">{{.Kind}}</a>: {{.Text}}</li>{{end}}</ul>
{{else}}<p class="muted">No contradiction found between the outlets.</p>{{end}}
</section>
</div>
</header>
<nav class="toc" aria-label="Sections"><a href="#h-matrix">Matrix</a> <a href="#h-articles">Articles</a> <a href="#h-only">Only in one outlet</a> <a href="#h-figures">Figures</a> <a href="#h-quotes">Quotes</a> <a href="#h-tensions">Tensions</a> <a href="#h-named">Named</a> <a href="#h-timeline">Timeline</a> <a href="#h-summary">Summary</a> <a href="#h-legend">Legend</a></nav>
<details class="legend" open><summary id="h-legend">Legend</summary>
<dl>{{range .Legend}}<div>{{if .Sample}}<dt><mark class="{{.Class}}">{{.Sample}}</mark>{{if .Sym}}<sup class="sym">{{.Sym}}</sup>{{end}}</dt>{{else}}<dt><span class="{{.Class}}">{{.Sym}}</span></dt>{{end}}<dd>{{.Means}}</dd></div>{{end}}
<div><dt><span class="tag">A</span></dt><dd>an article's tag; an outlet's facts are counted once however many articles it ran</dd></div></dl>
</details>
<section aria-labelledby="h-matrix"><h2 id="h-matrix">Coverage matrix: {{.SharedN}} facts reported by several outlets</h2>
{{if .Rows}}<div class="scroll"><table class="matrix">
<caption>Each row a fact, each column an outlet; a cell opens the outlet's sentence. Rows by how many outlets report the fact.</caption>
<thead><tr><th scope="col">Fact</th><th scope="col" class="of">Outlets</th>{{range .Cols}}<th scope="col" class="col" title="{{.Label}}"><span class="tag">{{.Tag}}</span><span class="name">{{.Short}}</span></th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr id="{{.ID}}"><th scope="row"><span class="n">F{{.N}}</span> {{.Text}}</th><td class="of">{{.Of}}</td>{{range .Cells}}<td class="cell {{.Class}}"><a href="{{.Href}}" title="{{.Label}}" aria-label="{{.Label}}">{{.Sym}}</a></td>{{end}}</tr>
{{end}}</tbody></table></div>
{{if or .RowsLeft .ColsLeft}}<p class="note">The matrix shows {{len .Rows}} facts{{if .RowsLeft}} ({{.RowsLeft}} more below, in the articles){{end}} and {{len .Cols}} outlets{{if .ColsLeft}} ({{.ColsLeft}} more, those reporting the fewest facts){{end}}.</p>{{end}}
{{else}}<p class="muted">No fact is reported by more than one outlet.</p>{{end}}
</section>
<section aria-labelledby="h-articles" class="articles"><h2 id="h-articles">The articles side by side</h2>
<div class="grid">{{range .Articles}}<article class="col" id="{{.ID}}" aria-labelledby="{{.ID}}-h"><h3 id="{{.ID}}-h"><span class="tag">{{.Tag}}</span> {{.Label}}</h3>{{if .Title}}<p class="title">{{.Title}}</p>{{end}}<p class="muted">{{if .When}}{{.When}}{{else}}undated{{end}}{{if .URL}} · <a href="{{.URL}}" rel="noopener noreferrer nofollow">original</a>{{end}}</p>
<div class="body">{{range .Segments}}{{if .Class}}<mark class="{{.Class}}"{{if .ID}} id="{{.ID}}"{{end}}{{if .Title}} title="{{.Title}}"{{end}}>{{.Text}}</mark>{{else if .ID}}<span id="{{.ID}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{if .Sym}}<sup class="sym" aria-hidden="true">{{.Sym}}</sup>{{end}}{{end}}</div></article>
{{end}}</div>
</section>
<section aria-labelledby="h-only"><h2 id="h-only">Only in one outlet</h2>
{{range .Only}}<h3><span class="tag">{{.Tag}}</span> {{.Label}} ({{len .Facts}})</h3>
<ul>{{range .Facts}}<li id="{{.ID}}"><span class="n">F{{.N}}</span> {{if .Href}}<a href="{{.Href}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}{{if .Note}} <span class="muted">{{.Note}}</span>{{end}}</li>{{end}}</ul>
{{else}}<p class="muted">Every fact is reported by more than one outlet.</p>{{end}}
</section>
<section aria-labelledby="h-figures"><h2 id="h-figures">Figures that differ ({{len .Figures}})</h2>
{{if .Figures}}<table class="figures"><thead><tr><th scope="col">verdict</th><th scope="col">counts</th><th scope="col">as each outlet gave it, in order of publication</th></tr></thead><tbody>
{{range $i, $f := .Figures}}<tr id="{{$f.ID}}"><td class="v-{{$f.Verdict}}"><span class="sym">{{$f.Sym}}</span> {{$f.Verdict}}</td><td>{{$f.Counts}}</td><td>{{range $j, $m := $f.Mentions}}{{if $j}} → {{end}}<a href="{{$m.Href}}"><span class="tag">{{$m.Tag}}</span> {{$m.Text}}</a>{{if $m.When}} <span class="muted">{{$m.When}}</span>{{end}}{{end}}</td></tr>
{{end}}</tbody></table>{{else}}<p class="muted">No figure differs between the outlets.</p>{{end}}
{{if .SameFigs}}<details><summary>Figures that agree or appear once ({{len .SameFigs}})</summary><ul>{{range .SameFigs}}<li><span class="sym">{{.Sym}}</span> {{.Counts}}: {{range $j, $m := .Mentions}}{{if $j}} · {{end}}<a href="{{$m.Href}}"><span class="tag">{{$m.Tag}}</span> {{$m.Text}}</a>{{end}}</li>{{end}}</ul></details>{{end}}
</section>
<section aria-labelledby="h-quotes"><h2 id="h-quotes">Quotes in several outlets ({{len .Quotes}})</h2>
{{range .Quotes}}<div class="quote-item"><p><span class="v-{{.Verdict}}"><span class="sym">{{.Sym}}</span> {{.Verdict}}</span> — <b>{{.Speaker}}</b></p>
<ul>{{range .Mentions}}<li><a href="{{.Href}}"><span class="tag">{{.Tag}}</span></a> “{{.Text}}”</li>{{end}}</ul>
{{if .Changes}}<p class="changes">{{range .Changes}}<del>{{.From}}</del> → <ins>{{.To}}</ins> {{end}}</p>{{end}}</div>
{{else}}<p class="muted">No quote appears in more than one outlet.</p>{{end}}
</section>
<section aria-labelledby="h-tensions"><h2 id="h-tensions">Tensions ({{len .Tensions}})</h2>
{{range .Tensions}}<div class="tension-item" id="{{.ID}}"><p><span class="sym">⚠</span> <b>{{.Kind}}</b>: {{if .Why}}{{.Why}}{{else}}{{.Text}}{{end}}</p>
<div class="sides">{{range .Sides}}<blockquote><a href="{{.Href}}"><span class="tag">{{.Tag}}</span></a> {{.Text}}</blockquote>{{end}}</div></div>
{{else}}<p class="muted">No contradiction found.</p>{{end}}
</section>
<section aria-labelledby="h-named"><h2 id="h-named">Who is named by whom ({{len .Named}})</h2>
{{if .Named}}<table class="named"><thead><tr><th scope="col">name</th><th scope="col">type</th><th scope="col">named by (mentions)</th><th scope="col">other spellings</th></tr></thead><tbody>
{{range .Named}}<tr><td>{{.Name}}</td><td>{{.Type}}</td><td>{{range .By}}<span class="tag">{{.Tag}}</span>×{{.Count}} {{end}}{{if .More}}<span class="muted">+{{.More}} outlets</span>{{end}}</td><td class="muted">{{.Aliases}}</td></tr>
{{end}}</tbody></table>{{end}}
</section>
<section aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline: which outlet had each fact first</h2>
<ol class="timeline">{{range .Timeline}}<li><span class="when">{{.When}}</span> <a href="{{.Href}}"><span class="tag">{{.Tag}}</span> {{.Label}}</a>{{if .First}} first with {{range .First}}<a href="{{.Href}}">F{{.N}}</a> {{end}}{{if .More}}<span class="muted">+{{.More}}</span>{{end}}{{end}}</li>{{end}}</ol>
</section>
{{if .Summary}}<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>
<ul>{{range .Summary}}<li>{{.Text}} <span class="tag">{{.Tags}}</span></li>{{end}}</ul></section>{{end}}
</main>
`

// StoryCSS is the story view's stylesheet: embedded in the file that
// WriteHTML writes, served as an asset by the desk's pages. Sizes are in
// rem so that the page reflows at 200 % zoom; colours are backed by
// symbols and underline styles so that they read in greyscale.
const StoryCSS = `
.story{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;max-width:none;margin:0;padding:.5rem 1rem}
.story h1{font-size:1.5rem;margin:.3rem 0}.story h2{font-size:1.15rem;margin:1.2rem 0 .4rem;border-bottom:1px solid #ccc}.story h3{font-size:1rem;margin:.6rem 0 .2rem}
.story .line{margin:0 0 .4rem;color:#444}.story .muted{color:#595959}.story .note{background:#fff4ce;padding:.3rem .6rem;border-radius:4px}
.story ul,.story ol{padding-left:1.2rem;margin:.2rem 0}.story li{margin:.2rem 0}
.story a{color:#0b4f9c}.story a:focus-visible,.story summary:focus-visible{outline:3px solid #e36209;outline-offset:2px}
.story .tag{display:inline-block;min-width:1.4em;padding:0 .3em;border-radius:4px;background:#2b5797;color:#fff;font-size:.8em;text-align:center;font-weight:600}
.story .two{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:0 1.5rem}
.story .outlets{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
.story .when{font-variant-numeric:tabular-nums;color:#333}
.story .toc{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ddd;padding:.3rem 0;z-index:2;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
.story .legend{border:1px solid #ddd;border-radius:6px;padding:.3rem .8rem;margin:.6rem 0;background:#fff}
.story .legend summary{font-weight:600;cursor:pointer}
.story .legend dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:.2rem 1rem;margin:.3rem 0}
.story .legend dl div{display:flex;gap:.5rem;align-items:baseline}.story .legend dt{min-width:4.5rem;text-align:center}.story .legend dd{margin:0}
.story .scroll{overflow-x:auto;max-width:100%}
.story table{border-collapse:collapse;background:#fff}.story td,.story th{padding:.2rem .5rem;border:1px solid #e3e3e3;text-align:left;vertical-align:top}
.story .matrix th[scope=row]{font-weight:normal;min-width:16rem;max-width:36rem}.story .matrix .of{white-space:nowrap;color:#444}
.story .matrix th.col{text-align:center;vertical-align:bottom;font-size:.8em;font-weight:600;max-width:6.5rem;overflow-wrap:anywhere}.story .matrix th.col .name{display:block}
.story .matrix caption{text-align:left;color:#595959;padding:.2rem 0}
.story .cell{text-align:center;padding:0;min-width:2rem}.story .cell a{display:block;padding:.2rem .4rem;text-decoration:none;font-weight:700}
.story .cell.yes{background:#cfe8d5}.story .cell.yes a{color:#0d5a22}
.story .cell.no{background:#f6f6f6}.story .cell.no a{color:#8a8a8a;font-weight:400}
.story .cell.unk{background:#fde9b6}.story .cell.unk a{color:#7a4b00}
.story span.cell{display:inline-block;width:1.8rem;border:1px solid #ccc;font-weight:700}
.story span.cell.yes{color:#0d5a22}.story span.cell.no{color:#8a8a8a}.story span.cell.unk{color:#7a4b00}
.story .n{font-weight:600;color:#444;font-variant-numeric:tabular-nums}
.story .sym{font-weight:700}.story sup.sym{font-size:.75em;margin-left:.05em}
.story .v-agree,.story .v-same{color:#1a7f37}.story .v-compatible,.story .v-reworded{color:#8a5a00}.story .v-conflict{color:#b3131d}.story .v-single{color:#595959}
.story .sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.6rem}.story blockquote{margin:0;background:#fff;border-left:4px double #b3131d;padding:.3rem .6rem}
.story .changes del{color:#b3131d}.story .changes ins{color:#1a7f37;text-decoration:underline}
.story .articles .grid{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(14.5rem,1fr);gap:.75rem;overflow-x:auto;padding-bottom:.5rem}
.story .col{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.6rem;max-height:85vh;overflow-y:auto}
.story .col h3{margin:0 0 .2rem}.story .col .title{font-weight:600;margin:.1rem 0}.story .col .muted{margin:.1rem 0 .4rem;font-size:.9em}
.story .body{white-space:pre-wrap;overflow-wrap:anywhere}
.story mark{background:none;color:inherit;border-radius:2px}
.story mark.fact{background:#dbeafe}
.story mark.solo{text-decoration:underline dotted #2b5797 2px}
.story mark.quote{background:#ede9fe;font-style:italic}.story mark.reworded{text-decoration:underline wavy #7c3aed 1px}
.story mark.tension{box-shadow:inset 0 -3px #b3131d}
.story mark.fig{font-weight:700}.story mark.agree{background:#d1fae5}.story mark.compatible{background:#fef3c7;text-decoration:underline dashed #8a5a00}.story mark.conflict{background:#fecaca;text-decoration:underline double #b3131d}
.story :target{outline:3px solid #e36209;outline-offset:1px;scroll-margin-top:3rem}
`

package clean

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// DefaultMinRecurring is how many articles of one outlet must hold a line
// before it counts as that outlet's furniture.
const DefaultMinRecurring = 3

// DefaultMaxTracked caps the line hashes a Cleaner keeps for recurring-line
// detection (about 6 MB).
const DefaultMaxTracked = 1 << 18

// Options configures a Cleaner. The zero value is the default.
type Options struct {
	// MinRecurring is the number of articles of one outlet in which a line
	// must appear before it is dropped as that outlet's furniture;
	// DefaultMinRecurring when zero, and negative turns the rule off.
	MinRecurring int
	// MaxTracked caps the number of (outlet, line) hashes kept; when the
	// table is full every count is decremented and the zeros dropped
	// (Misra–Gries), so memory stays flat over any stream and lines that
	// recur often keep their counts. DefaultMaxTracked when zero.
	MaxTracked int
}

// Cleaner cleans articles (see the package doc). Its zero value is ready to
// use with default Options. It remembers, per outlet, which lines recur
// across the articles it sees; it is safe for concurrent use, though
// recurring-line decisions then depend on the order articles arrive.
type Cleaner struct {
	opt     Options
	scratch sync.Pool // of *scratch, buffers reused across articles
	mu      sync.Mutex
	counts  map[uint64]uint32
	seed    maphash.Seed
	seeded  bool
	learned bool
}

// New returns a Cleaner with the given options.
func New(opt Options) *Cleaner { return &Cleaner{opt: opt} }

// Removed is one line the cleaner took out of an article's body, with the
// rule that took it.
type Removed struct {
	Text string `json:"text"`
	Rule Rule   `json:"rule"`
}

// Clean returns the cleaned article: Text normalised (see Normalize), cut
// into paragraphs separated by "\n\n", with the title, standfirst, date and
// byline lines moved into their fields (values already in the input win)
// and site furniture removed; Source inferred when empty. It returns
// news.ErrEmpty (wrapped) when no body is left.
//
// In streaming use (Clean alone) a line is recognised as recurring only
// from the MinRecurring-th article of its outlet on: the first articles of a
// stream are cleaned before the counts exist. When all articles are at hand,
// call Learn on each first; Clean then only reads the counts.
func (c *Cleaner) Clean(a news.Article) (news.Article, error) {
	out, _, err := c.clean(a, false)
	return out, err
}

// Trace is Clean that also returns every removed line with its rule, in
// text order, for explanations and tests.
func (c *Cleaner) Trace(a news.Article) (news.Article, []Removed, error) {
	return c.clean(a, true)
}

// Learn counts a's lines for recurring-line detection without cleaning it.
// After the first call to Learn, Clean no longer counts the articles it
// cleans (they were learned already): call Learn on every article of the
// batch, then Clean on each.
func (c *Cleaner) Learn(a news.Article) {
	sc := c.getScratch()
	defer c.scratch.Put(sc)
	d := parse(a, sc)
	if d.outlet == "" || c.minRecurring() < 0 {
		c.mu.Lock()
		c.learned = true
		c.mu.Unlock()
		return
	}
	keys := d.lineKeys(c.hashSeed(), sc.keys[:0])
	sc.keys = keys
	c.mu.Lock()
	c.learned = true
	c.add(keys)
	c.mu.Unlock()
}

// hashSeed returns the Cleaner's seed for line hashes, made on first use.
func (c *Cleaner) hashSeed() maphash.Seed {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.seeded {
		c.seed, c.seeded = maphash.MakeSeed(), true
	}
	return c.seed
}

func (c *Cleaner) minRecurring() int {
	if c.opt.MinRecurring == 0 {
		return DefaultMinRecurring
	}
	return c.opt.MinRecurring
}

func (c *Cleaner) maxTracked() int {
	if c.opt.MaxTracked <= 0 {
		return DefaultMaxTracked
	}
	return c.opt.MaxTracked
}

// add counts one article's distinct keys; c.mu is held.
func (c *Cleaner) add(keys []uint64) {
	if c.counts == nil {
		c.counts = make(map[uint64]uint32)
	}
	for _, k := range keys {
		if len(c.counts) >= c.maxTracked() {
			for h, v := range c.counts {
				if v <= 1 {
					delete(c.counts, h)
				} else {
					c.counts[h] = v - 1
				}
			}
		}
		c.counts[k]++
	}
}

// scratch holds the buffers of one cleaning, reused through Cleaner.scratch.
// Nothing in it may outlive the cleaning: the lower-cased text in low is
// overwritten by the next article.
type scratch struct {
	low    []byte
	paras  []para
	keys   []uint64
	counts []uint32
}

func (c *Cleaner) getScratch() *scratch {
	if sc, ok := c.scratch.Get().(*scratch); ok {
		return sc
	}
	return new(scratch)
}

func (c *Cleaner) clean(a news.Article, trace bool) (news.Article, []Removed, error) {
	sc := c.getScratch()
	defer c.scratch.Put(sc)
	d := parse(a, sc)
	if min := c.minRecurring(); min > 0 && d.outlet != "" {
		keys := d.lineKeys(c.hashSeed(), sc.keys[:0])
		sc.keys = keys
		counts := slices.Grow(sc.counts[:0], len(d.paras))[:len(d.paras)]
		clear(counts)
		sc.counts = counts
		c.mu.Lock()
		if !c.learned {
			c.add(keys)
		}
		for i := range d.paras {
			if d.paras[i].key != 0 {
				counts[i] = c.counts[d.paras[i].key]
			}
		}
		c.mu.Unlock()
		d.dropRecurring(counts, uint32(min))
	}

	out := a
	out.Title = d.title
	out.Standfirst = d.standfirst
	out.Author = d.author
	if out.Published.IsZero() {
		out.Published = d.published
	}
	if strings.TrimSpace(out.Source) == "" {
		out.Source = d.outlet
	}
	var removed []Removed
	if trace {
		for _, p := range d.paras {
			if p.rule != "" {
				removed = append(removed, Removed{Text: p.text, Rule: p.rule})
			}
		}
	}
	out.Text = d.body()
	if out.Text == "" {
		return out, removed, fmt.Errorf("%w: no body left after cleaning", news.ErrEmpty)
	}
	return out, removed, nil
}

// body joins the kept paragraphs with "\n\n". When they lie in the
// normalised text one after the other, separated by exactly "\n\n" (the
// common case), the body is a slice of it, not a copy.
func (d *doc) body() string {
	first, last, contiguous := -1, -1, true
	for i := range d.paras {
		p := &d.paras[i]
		if p.rule != "" {
			continue
		}
		if p.off < 0 || last >= 0 && (p.off != d.paras[last].off+len(d.paras[last].text)+2 || d.norm[p.off-2:p.off] != "\n\n") {
			contiguous = false
			break
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first < 0 && contiguous {
		return ""
	}
	if contiguous {
		return d.norm[d.paras[first].off : d.paras[last].off+len(d.paras[last].text)]
	}
	var b strings.Builder
	b.Grow(len(d.norm))
	for _, p := range d.paras {
		if p.rule != "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.text)
	}
	return b.String()
}

// para is one paragraph (a line of the normalised text, soft-wrapped lines
// joined).
type para struct {
	text  string
	off   int    // offset of text in the normalised text; -1 for joined lines
	low   string // text with ASCII letters lower-cased
	words int
	gap   bool // a blank line comes before it
	rule  Rule // why it is removed; "" while kept
	key   uint64
}

// doc is an article taken apart.
type doc struct {
	norm       string // the normalised text
	paras      []para
	title      string
	standfirst string
	author     string
	published  time.Time
	outlet     string
}

// oneLine normalises a metadata field to one trimmed line.
func oneLine(s string) string {
	if s == "" {
		return ""
	}
	s = Normalize(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// parse normalises a's text, splits it into paragraphs and applies every
// rule but the recurring-line one.
func parse(a news.Article, sc *scratch) *doc {
	d := &doc{
		title:      oneLine(a.Title),
		standfirst: oneLine(a.Standfirst),
		author:     oneLine(a.Author),
	}
	d.norm = Normalize(a.Text)
	d.paras = split(d.norm, sc)
	d.header(a.Title == "")
	hint, hintScore := "", 0
	for i := range d.paras {
		p := &d.paras[i]
		if p.rule != "" {
			continue
		}
		p.rule = furnitureRule(p.text, p.low, p.words)
		if p.rule == "" && p.words > 8 {
			continue // outlet hints are in furniture and short lines
		}
		if name, s := outletHint(p.text, p.low, p.rule); name != "" && s > hintScore {
			hint, hintScore = name, s
		}
	}
	d.tail()
	d.labels()
	d.outlet = strings.TrimSpace(a.Source)
	if d.outlet == "" {
		d.outlet = OutletFromURL(a.URL)
	}
	if d.outlet == "" {
		d.outlet = hint
	}
	return d
}

// split cuts normalised text into paragraphs: every non-empty line is one,
// except for hard-wrapped text, whose lines are joined. A line is a
// wrapped one when it breaks off mid-sentence (no final punctuation, not
// ending in ":") and the next line, with no blank line between, starts in
// lower case; when the whole text is wrapped at a fixed width (see
// wrapWidth), also when the next line's first word would (nearly) not have
// fitted on it and the next line is not a list item.
func split(s string, sc *scratch) []para {
	clear(sc.paras)
	ps := slices.Grow(sc.paras[:0], strings.Count(s, "\n")/2+1)
	defer func() { sc.paras = ps[:0] }()
	width := wrapWidth(s)
	// One lower-cased copy for all lines, in the scratch buffer; joined
	// lines get their own.
	sc.low = lowerASCIIInto(slices.Grow(sc.low[:0], len(s)), s)
	low := bytesToString(sc.low)
	gap := false
	off := 0
	for off < len(s) {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			i = len(s) - off
		}
		line, lowLine := s[off:off+i], low[off:off+i]
		off += i + 1
		if line == "" {
			gap = len(ps) > 0
			continue
		}
		if n := len(ps); n > 0 && !gap {
			prev := ps[n-1].text
			r, _ := utf8.DecodeRuneInString(line)
			if !endsTerminal(prev) && !strings.HasSuffix(prev, ":") &&
				(len(prev) >= 40 && isLowerStart(r) || width > 0 && (len(prev)+1+firstWordLen(line))*100 > width*85 && !isListItem(line)) {
				ps[n-1].text = prev + " " + line
				ps[n-1].low = lowerASCII(ps[n-1].text)
				ps[n-1].off = -1
				continue
			}
		}
		ps = append(ps, para{text: line, off: off - i - 1, low: lowLine, gap: gap})
		gap = false
	}
	for i := range ps {
		ps[i].words = countWords(ps[i].text)
	}
	return ps
}

func isLowerStart(r rune) bool {
	return r >= 'a' && r <= 'z' || r > 0x7f && !isUpperRune(r) && r != utf8.RuneError && r != '"' && isLetterRune(r)
}

// header takes the title (when the input has none, or repeats it as the first
// line), the standfirst, date lines and bylines off the top.
func (d *doc) header(needTitle bool) {
	i := 0
	ps := d.paras
	titleFromText := false
	if len(ps) > 1 {
		first := &ps[0]
		switch {
		case needTitle && headlineLike(first):
			d.title, first.rule, titleFromText = first.text, RuleTitle, true
		case !needTitle && sameText(first.text, d.title):
			first.rule, titleFromText = RuleTitle, true
		}
		if titleFromText {
			i = 1
		}
	}
	// The standfirst: the line right under a headline, in the same block,
	// when that block ends with a blank line within a few lines (in text with
	// one sentence per line and no blank lines it is the first sentence).
	if titleFromText && d.standfirst == "" && i < len(ps)-1 && !ps[i].gap && ps[i].words <= 80 && blockEndsSoon(ps, i) {
		p := &ps[i]
		if t, _ := parseDateLine(p.text, true); t.IsZero() && furnitureRule(p.text, p.low, p.words) == "" && !isByline(p) {
			d.standfirst, p.rule = p.text, RuleStandfirst
			i++
		}
	}
	// Date lines, bylines and furniture until the first body paragraph;
	// up to two more headline-like lines (a second headline, a kicker) may
	// come before them, and stay.
	var pub, upd time.Time
	decks := 0
	for ; i < len(ps) && i < 8; i++ {
		p := &ps[i]
		if t, kind := parseDateLine(p.text, true); kind != notDate {
			p.rule = RuleDate
			if kind == published && pub.IsZero() {
				pub = t
			} else if kind == updated && upd.IsZero() {
				upd = t
			}
			continue
		}
		if isByline(p) {
			p.rule = RuleByline
			if d.author == "" {
				d.author = strings.TrimSpace(p.text[3:])
			}
			continue
		}
		if r := furnitureRule(p.text, p.low, p.words); r != "" {
			p.rule = r
			continue
		}
		if decks < 2 && headlineLike(p) {
			decks++
			continue
		}
		break
	}
	d.published = pub
	if pub.IsZero() {
		d.published = upd
	}
}

// blockEndsSoon reports whether a blank line follows ps[i] within four
// lines.
func blockEndsSoon(ps []para, i int) bool {
	for j := i + 1; j < len(ps) && j <= i+4; j++ {
		if ps[j].gap {
			return true
		}
	}
	return false
}

// headlineLike reports whether p can be a headline: one line of at most 30
// words and two sentences, not ending in a full stop, not furniture.
func headlineLike(p *para) bool {
	if p.words == 0 || p.words > 30 || len(p.text) > 300 || sentenceCount(p.text) > 2 {
		return false
	}
	if strings.HasSuffix(p.text, ".") && !strings.HasSuffix(p.text, "...") || strings.HasSuffix(p.text, ":") {
		return false
	}
	if t, _ := parseDateLine(p.text, true); !t.IsZero() {
		return false
	}
	return furnitureRule(p.text, p.low, p.words) == ""
}

// isByline reports a "By Jane Doe" line.
func isByline(p *para) bool {
	if p.words < 2 || p.words > 12 || !strings.HasPrefix(p.low, "by ") || endsTerminal(p.text) && !strings.HasSuffix(p.text, ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.text[3:])
	return isUpperRune(r) && sentenceCount(p.text) == 1 && !strings.Contains(p.text, ". ")
}

// sameText reports whether a and b are the same words, ignoring case,
// spacing and punctuation ("Title, #2." and "Title, #2").
func sameText(a, b string) bool {
	if b == "" {
		return false
	}
	i, j := 0, 0
	for {
		for i < len(a) && !isWordByte(a[i]) {
			i++
		}
		for j < len(b) && !isWordByte(b[j]) {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		ca, cb := a[i], b[j]
		if ca >= 'A' && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if cb >= 'A' && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
		i++
		j++
	}
}

// kept returns the indices of the paragraphs still kept.
func (d *doc) kept() []int {
	idx := make([]int, 0, len(d.paras))
	for i := range d.paras {
		if d.paras[i].rule == "" {
			idx = append(idx, i)
		}
	}
	return idx
}

// tail removes the furniture after the last body paragraph: a block that
// starts at a sign-off, a copyright line or a related-links header and holds
// nothing but teaser-like lines, and then any short lines without final
// punctuation left at the very end.
func (d *doc) tail() {
	ps := d.paras
	var before int // kept bytes before k
	total := 0
	for _, p := range ps {
		if p.rule == "" {
			total += len(p.text)
		}
	}
	for k := 1; k < len(ps); k++ {
		if ps[k-1].rule == "" {
			before += len(ps[k-1].text)
		}
		p := &ps[k]
		header := p.rule == "" && isRelatedHeader(p.text, p.low, p.words) ||
			(p.rule == RuleFurniture || p.rule == RuleRelated) && isRelatedHeader(p.text, p.low, p.words)
		end := p.rule == RuleSignoff || p.rule == RuleCopyright
		if !header && !end {
			continue
		}
		after := total - before
		if p.rule == "" {
			after -= len(p.text)
		}
		if after >= before || before == 0 {
			continue
		}
		ok := true
		for j := k + 1; j < len(ps) && ok; j++ {
			q := &ps[j]
			if q.rule != "" {
				continue
			}
			if end {
				ok = q.words <= 40 && sentenceCount(q.text) <= 2
			} else {
				// Teasers after a header: headlines, or one-sentence
				// summaries listed without blank lines between them.
				ok = q.words <= 30 && sentenceCount(q.text) == 1 && (!endsTerminal(q.text) || !q.gap)
			}
		}
		if !ok {
			continue
		}
		for j := k; j < len(ps); j++ {
			if ps[j].rule == "" || j == k && header {
				ps[j].rule = RuleRelated
			}
		}
		break
	}
	// Short lines without final punctuation at the end, but not data: a
	// line with a figure or a "label: value" pair may be a results table.
	idx := d.kept()
	for n := len(idx) - 1; n >= 1; n-- {
		p := &ps[idx[n]]
		if endsTerminal(p.text) || p.words > 15 || strings.HasSuffix(p.text, ":") || hasDigit(p.text) || strings.Contains(p.text, ": ") {
			break
		}
		// In text without blank lines (one sentence per line) a longer line
		// without a full stop is more likely a sentence missing it.
		if !p.gap && p.words > 4 {
			break
		}
		p.rule = RuleTrailing
	}
}

// labels removes lone lines without final punctuation that read like
// captions or section labels: inside the body, a line of 7 to 20 words
// standing alone between blank lines, after a paragraph that ends in
// punctuation and before one that starts a sentence, in an article whose
// paragraphs otherwise end in punctuation, with no quotation or reporting
// verb (when there are three or more such lines they are section headings
// and stay); before the first paragraph, a line of at most 4 words with a
// figure or in title case (a dateline, a section name, a name).
func (d *doc) labels() {
	ps := d.paras
	idx := d.kept()
	if len(idx) < 3 {
		return
	}
	terminal := 0
	for _, i := range idx {
		if endsTerminal(ps[i].text) {
			terminal++
		}
	}
	for n, i := range idx {
		p := &ps[i]
		if endsTerminal(p.text) {
			break
		}
		if p.words <= 4 && n+1 < len(idx) && !strings.ContainsAny(p.text[len(p.text)-1:], ":;,") && (hasDigit(p.text) || titleCase(p.text)) {
			p.rule = RuleLabel
		} else {
			break
		}
	}
	if terminal*10 < len(idx)*6 {
		return
	}
	var cands []int
	for n := 1; n+1 < len(idx); n++ {
		p := &ps[idx[n]]
		if p.rule != "" || endsTerminal(p.text) || p.words < 7 || p.words > 20 || !p.gap || !ps[idx[n+1]].gap {
			continue
		}
		// A quotation or reported speech is a sentence missing its full
		// stop, not a caption.
		if strings.IndexByte(p.text, '"') >= 0 || hasSpeechVerb(p.low) {
			continue
		}
		switch lastRune(p.text) {
		case ',', ';', ':', '-', '—', '(':
			continue
		}
		if isListItem(p.text) {
			continue
		}
		prev, next := &ps[idx[n-1]], &ps[idx[n+1]]
		if !endsTerminal(prev.text) || prev.rule != "" {
			continue
		}
		// The next paragraph starts a new sentence, and not a quotation
		// that the line may introduce ("… the minister said" / "\"We …").
		r, _ := utf8.DecodeRuneInString(next.text)
		if !isUpperRune(r) && !(r >= '0' && r <= '9') {
			continue
		}
		cands = append(cands, idx[n])
	}
	// Three or more such lines are the article's section headings, not
	// captions: keep them.
	if len(cands) >= 3 {
		return
	}
	for _, i := range cands {
		ps[i].rule = RuleLabel
	}
}

// isListItem reports a bullet or numbered list line.
func isListItem(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '-', '*', '+', '>':
		return true
	}
	if strings.HasPrefix(s, "•") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "·") {
		return true
	}
	n, rest := leadingNumber(s)
	return n >= 0 && (strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ") "))
}

// lineKeys sets each body paragraph's key, a hash of (outlet, line) with
// case and digits folded ("© 2019" and "© 2020" are one line), and returns
// the distinct keys. Header lines (title, standfirst, date, byline) are not
// counted.
func (d *doc) lineKeys(seed maphash.Seed, dst []uint64) []uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	var scratch []byte
	for i := range d.paras {
		p := &d.paras[i]
		switch p.rule {
		case RuleTitle, RuleStandfirst, RuleDate, RuleByline:
			continue
		}
		h.Reset()
		h.WriteString(d.outlet)
		h.WriteByte(0)
		if hasDigit(p.low) {
			scratch = append(scratch[:0], p.low...)
			for j, c := range scratch {
				if c >= '0' && c <= '9' {
					scratch[j] = '0'
				}
			}
			h.Write(scratch)
		} else {
			h.WriteString(p.low)
		}
		k := h.Sum64()
		if k == 0 {
			k = 1
		}
		p.key = k
		dst = append(dst, k)
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}

// dropRecurring removes the kept lines whose count reached min, except
// sentences that may be content. A line without final punctuation always
// goes. A sentence goes when it has at most four words or names
// subscription furniture; else only when it sits in the run of recurring
// lines at the top or bottom of the article and has at most 12 words or
// recurs at least twice as often as min. Quotations stay. When most of an
// article's lines recur it is a version of an article seen before, not
// furniture: then only lines without final punctuation go.
func (d *doc) dropRecurring(counts []uint32, min uint32) {
	ps := d.paras
	idx := d.kept()
	rec := 0
	for _, i := range idx {
		if counts[i] >= min {
			rec++
		}
	}
	if rec == 0 {
		return
	}
	nearDup := len(idx) >= 3 && rec*2 >= len(idx)
	edge := make([]bool, len(ps))
	for n := 0; n < len(idx) && counts[idx[n]] >= min; n++ {
		edge[idx[n]] = true
	}
	for n := len(idx) - 1; n >= 0 && counts[idx[n]] >= min; n-- {
		edge[idx[n]] = true
	}
	for _, i := range idx {
		if counts[i] < min {
			continue
		}
		p := &ps[i]
		if !endsTerminal(p.text) {
			p.rule = RuleRecurring
			continue
		}
		if nearDup {
			continue
		}
		switch {
		case hasQuote(p.text) && !hasFurnitureWord(p.low):
			// A quotation is content.
		case p.words <= 4, hasFurnitureWord(p.low):
			p.rule = RuleRecurring // "ABSTRACT.", "Like us on Facebook."
		case p.words <= 12 && edge[i]:
			p.rule = RuleRecurring // a stock line at the top or bottom
		case edge[i] && counts[i] >= 2*min:
			p.rule = RuleRecurring // a stock paragraph that recurs often
		}
	}
}

func hasFurnitureWord(low string) bool {
	for _, w := range furnitureWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// wrapWidth returns the width at which s is hard-wrapped, or 0 when it is
// not: the longest line has 50 to 100 bytes, and at least three lines, a third
// of the line breaks inside blocks, break off mid-sentence where the next
// word would (nearly: 85% of the width, for text wrapped by hand) not have
// fitted.
func wrapWidth(s string) int {
	width := 0
	for rest := s; len(rest) > 0; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		}
		width = max(width, i)
		if i < len(rest) {
			i++
		}
		rest = rest[i:]
	}
	if width > 100 || width < 50 {
		return 0
	}
	broken, inner := 0, 0
	prev := ""
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		var line string
		if i < 0 {
			line, s = s, ""
		} else {
			line, s = s[:i], s[i+1:]
		}
		if prev != "" && line != "" {
			inner++
			if !endsTerminal(prev) && (len(prev)+1+firstWordLen(line))*100 > width*85 {
				broken++
			}
		}
		prev = line
	}
	if broken < 3 || broken*3 < inner {
		return 0
	}
	return width
}

// firstWordLen is the length of the first word of s in bytes.
func firstWordLen(s string) int {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return i
	}
	return len(s)
}

// hasSpeechVerb reports whether low holds, after a space, one of the
// lexicon's caption-speech-verbs ("said", "told") or "according to".
func hasSpeechVerb(low string) bool {
	lx := lexicon.Default()
	for i := 0; i < len(low); {
		if !isWordByte(low[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(low) && isWordByte(low[j]) {
			j++
		}
		if i > 0 && low[i-1] == ' ' && (lx.Has("caption-speech-verbs", low[i:j]) ||
			low[i:j] == "according" && strings.HasPrefix(low[j:], " to") && (j+3 == len(low) || !isWordByte(low[j+3]))) {
			return true
		}
		i = j
	}
	return false
}

// titleCase reports whether every word of s starts with a capital letter
// (or is not a word: "&", "-").
func titleCase(s string) bool {
	for _, w := range strings.Split(s, " ") {
		r, _ := utf8.DecodeRuneInString(w)
		if isLetterRune(r) && !isUpperRune(r) {
			return false
		}
	}
	return true
}

package cluster

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// Kind is the channel a feature belongs to.
type Kind uint8

// The feature channels.
const (
	Word     Kind = iota // a content word, lower-cased
	Name                 // two capitalised words in a row inside a sentence
	Number               // a number written with digits, or a quantity from the analysis
	DateExpr             // a year, a month and day, a weekday, or a resolved date
	Person               // a person found by the analysis
	Place                // a place found by the analysis
	Org                  // an organization found by the analysis
	numKinds
)

var kindNames = [numKinds]string{"word", "name", "number", "date", "person", "place", "org"}

// String returns the channel's name.
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Feature is one feature of an article: a hashed key, its channel, a
// readable form for explanations and its term frequency (occurrences in the
// title and lead count more).
type Feature struct {
	Key  uint64
	Kind Kind
	// Facet tells the sorts of dates and numbers apart.
	Facet Facet
	Text  string
	TF    float32
	Pair  bool // two words: "gulf aden", "23 pirates"
}

// Facet is the sort of a date or number feature.
type Facet uint8

// The facets.
const (
	NoFacet  Facet = iota
	Weekday        // "Saturday"
	Year           // "2008"
	MonthDay       // "Dec. 20", resolved "2011-10-21"
	Month          // "December"
	Amount         // a number
	numFacets
)

// Features is what the clusterer needs of one article. Extract computes it;
// the texts of its features are slices of the article's text, so it keeps
// the text alive, but not the rest of the analysis.
type Features struct {
	ID        string
	Source    string
	Title     string
	Published time.Time
	Terms     []Feature // one per key, in order of first occurrence
	Sketch    []uint64  // bottom-k MinHash of the body's word 4-shingles, ascending
	Words     int       // words in title and body
	Sig       Signature // the who, where, when and how many of the headline and lead
	titleMade bool      // Title is the start of the text, for want of a headline
}

// sketchSize is k of the bottom-k sketch.
const sketchSize = 32

// Extract computes the features of one analyzed article from its token
// stream, d.Tokens; a document without tokens (a body not analyzed) is
// tokenized here once. It is pure and may run on many goroutines at once.
func Extract(d news.Document) *Features {
	f := &Features{ID: d.ID, Source: d.Source, Title: d.Title, Published: d.Published}
	n := len(d.Title) + len(d.Standfirst) + len(d.Text)
	sc := scratches.Get().(*scratch)
	sc.idx.reset(n)
	x := extractor{idx: sc.idx, terms: make([]Feature, 0, n/8+16)}
	toks := sc.toks[:0]
	defer func() {
		if sc.idx, sc.toks = x.idx, toks[:0]; len(sc.idx.keys) <= maxPooledIndex && cap(sc.toks) <= maxPooledTokens {
			scratches.Put(sc)
		}
	}()
	title := d.Title
	if title == "" {
		// Without a headline (plain text, ECB+), the first line of a body
		// written one sentence per line is usually the headline.
		if i := strings.IndexByte(d.Text, '\n'); i > 0 && i < 200 && (i+1 >= len(d.Text) || d.Text[i+1] != '\n') {
			title = d.Text[:i]
		}
	}
	f.Title = title
	// The body's tokens come with the analysis; the headline and the
	// standfirst (which the analysis does not tokenize), and a body given
	// without tokens, are tokenized here into one recycled buffer.
	lx := lexicon.Default()
	x.lx = lx
	toks = token.Tokenize(toks[:0], d.Title, lx)
	x.segment(d.Title, toks, 2, true, nil)
	toks = token.Tokenize(toks[:0], d.Standfirst, lx)
	x.segment(d.Standfirst, toks, 1.5, false, nil)
	body := d.Tokens
	if len(body) == 0 && d.Text != "" {
		toks = token.Tokenize(toks[:0], d.Text, lx)
		body = toks
	}
	f.Sketch = x.segment(d.Text, body, 1, false, &sketcher{})
	if title != d.Title {
		x.boost(d.Text, body, len(title), 1) // the first line already counted once
	}
	if f.Title == "" {
		f.Title, f.titleMade = leadTitle(d.Text), true
	}
	for _, e := range d.Entities {
		k := Person
		switch e.Type {
		case news.Place:
			k = Place
		case news.Organization:
			k = Org
		case news.Person:
		default:
			continue
		}
		name := strings.ToLower(e.Name)
		n := len(e.Mentions)
		if n == 0 {
			n = 1
		}
		x.add(k, hashString(k, name), e.Name, float32(n))
	}
	for _, dt := range d.Dates {
		v := dt.Value
		if len(v) >= 4 {
			x.addf(DateExpr, Year, hashString(DateExpr, "y"+v[:4]), v[:4], 1)
		}
		if len(v) >= 10 {
			x.addf(DateExpr, MonthDay, hashString(DateExpr, "m"+v[5:7]+"-"+v[8:10]), v, 1)
			x.addf(DateExpr, NoFacet, hashString(DateExpr, "d"+v[:10]), v, 1)
		}
	}
	for _, q := range d.Quantities {
		v := strconv.FormatFloat(q.Value, 'g', 6, 64)
		x.addf(Number, NoFacet, hashString(Number, "q"+string(q.Kind)+v), q.Text, 1)
	}
	f.Terms = x.terms
	f.Words = x.words
	f.Sig = signature(&d, title)
	return f
}

// leadTitleMax is the length of a title made from the lead.
const leadTitleMax = 100

// leadTitle makes a title for an article without a headline from its first
// line (a line ends at a carriage return too), cut at a word before leadTitleMax bytes ("…" marks the cut).
func leadTitle(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = strings.TrimSpace(text[:i])
	}
	if len(text) <= leadTitleMax {
		return text
	}
	cut := strings.LastIndexByte(text[:leadTitleMax], ' ')
	if cut <= 0 {
		cut = leadTitleMax
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:-") + "…"
}

type extractor struct {
	lx    *lexicon.Lexicon
	idx   table
	last  int // the index of the feature added last
	terms []Feature
	words int
	buf   []byte
}

func (x *extractor) add(k Kind, key uint64, text string, tf float32) {
	x.addf(k, NoFacet, key, text, tf)
}

// addPair adds a two-word feature.
func (x *extractor) addPair(k Kind, key uint64, text string, tf float32) {
	x.addf(k, NoFacet, key, text, tf)
	x.terms[x.last].Pair = true
}

func (x *extractor) addf(k Kind, fc Facet, key uint64, text string, tf float32) {
	i, ok := x.idx.slot(key, int32(len(x.terms)))
	x.last = int(i)
	if ok {
		x.terms[i].TF += tf
		return
	}
	x.terms = append(x.terms, Feature{Key: key, Kind: k, Facet: fc, Text: text, TF: tf})
}

// boost adds w to the TF of the Word features that the tokens of s before
// byte end already contributed.
func (x *extractor) boost(s string, toks []news.Token, end int, w float32) {
	for _, t := range toks {
		if int(t.End) > end {
			return
		}
		if key, ok := x.wordKey(s, t); ok {
			if i := x.idx.get(key); i >= 0 {
				x.terms[i].TF += w
			}
		}
	}
}

// leadWords is the length of the lead, whose words count half as much again.
const leadWords = 60

// segment adds the features of one text field, read from its tokens toks,
// with weight w per occurrence (titleCase: a headline, where capitals do
// not mark names) and, when sk is not nil, returns the bottom-k sketch of
// its shingles.
func (x *extractor) segment(s string, toks []news.Token, w float32, titleCase bool, sk *sketcher) []uint64 {
	if s == "" {
		return nil
	}
	n := 0
	month := 0      // the month named by the previous word, for "Dec. 20"
	prevName := -1  // start of the previous word when it was name-like
	prevEnd := -1   // end of the previous word
	prevStart := 0  // start of the previous word
	pendingDay := 0 // a day number waiting for a following month: "20 December"
	prevTok := 0    // 1: the previous word was a content word, 2: a number
	var prevHash uint64
	step := func(t news.Token) {
		start, end := int(t.Start), int(t.End)
		n++
		ww := w
		if w == 1 && n <= leadWords {
			ww = 1.5
		}
		raw := s[start:end]
		folded, class := x.word(s, t)
		if sk != nil {
			sk.word(hashBytes(0, folded))
		}
		r, _ := utf8.DecodeRuneInString(raw)
		adjacent := prevEnd >= 0 && start-prevEnd == 1 && s[prevEnd] == ' '
		curMonth := 0
		curTok, curHash := 0, uint64(0)
		defer func() {
			prevTok, prevHash = curTok, curHash
			month = curMonth
			prevEnd = int(t.Ext) // with its possessive or abbreviation's dot
			prevStart = start
		}()
		if t.Has(news.Digit) { // numbers, and words with a digit: F-16, COVID-19
			prevName = -1
			num := strings.ReplaceAll(raw, ",", "")
			if len(num) == 4 && (num[:2] == "19" || num[:2] == "20") && allDigits(num) {
				x.addf(DateExpr, Year, hashString(DateExpr, "y"+num), raw, ww)
				return
			}
			if v, err := strconv.Atoi(num); err == nil && v >= 1 && v <= 31 {
				if month > 0 {
					x.addf(DateExpr, MonthDay, hashString(DateExpr, "m"+twoDigits(month)+"-"+twoDigits(v)), s[prevStart:end], ww)
					pendingDay = 0
					return
				}
				pendingDay = v
			} else {
				pendingDay = 0
			}
			if len(num) == 1 {
				return // single digits say little about an event
			}
			h := hashBytes(Number, []byte(num))
			x.addf(Number, Amount, h, raw, ww)
			if prevTok == 1 && adjacent {
				x.addPair(Number, mix64(prevHash^rotl(h, 29)), s[prevStart:end], ww) // "magnitude 5.6"
			}
			curTok, curHash = 2, h
			return
		}
		if m := monthOf(folded, r); m > 0 {
			curMonth = m
			if pendingDay > 0 && adjacent {
				x.addf(DateExpr, MonthDay, hashString(DateExpr, "m"+twoDigits(m)+"-"+twoDigits(pendingDay)), raw, ww)
			} else {
				x.addf(DateExpr, Month, hashString(DateExpr, "m"+twoDigits(m)), raw, ww)
			}
			pendingDay = 0
			prevName = -1
			return
		}
		pendingDay = 0
		if d := weekday(folded); d != "" {
			x.addf(DateExpr, Weekday, hashString(DateExpr, d), raw, ww)
			prevName = -1
			return
		}
		if len(folded) < 2 || class&lexicon.Stop != 0 {
			prevName = -1
			return
		}
		x.words++
		h := hashBytes(Word, folded)
		x.add(Word, h, raw, ww)
		if prevTok != 0 && adjacent {
			k := Word
			if prevTok == 2 {
				k = Number // "23 pirates"
			}
			x.addPair(k, mix64(prevHash^rotl(h, 29)), s[prevStart:end], ww)
		}
		curTok, curHash = 1, h
		if !titleCase && unicode.IsUpper(r) && !sentenceStart(s, start) {
			// A single capitalised word is a Word already (and, when the
			// analysis typed it, a Person, Place or Org): counting it a
			// third time lets one shared name carry a short article's
			// similarity on its own. Two in a row are a name, which the
			// words do not say ("Dana Marlow"). Two before a possessive
			// ("President Donald Trump's") are nearly always a person the
			// analysis typed: as a Name they would count the person twice.
			if prevName >= 0 && adjacent && !t.Has(news.Poss) {
				pair := s[prevName:end]
				x.addPair(Name, hashString(Name, strings.ToLower(pair)), pair, ww)
			}
			prevName = start
			return
		}
		prevName = -1
	}
	for _, t := range toks {
		if t.Kind != news.Punct {
			step(t)
		}
	}
	if sk != nil {
		return sk.sorted()
	}
	return nil
}

// wordKey returns the Word key of a token of s when it is a content word.
func (x *extractor) wordKey(s string, t news.Token) (uint64, bool) {
	if t.Kind == news.Punct || t.Has(news.Digit) {
		return 0, false
	}
	folded, class := x.word(s, t)
	if len(folded) < 2 || class&lexicon.Stop != 0 {
		return 0, false
	}
	return hashBytes(Word, folded), true
}

// word returns the matching key of a word token of s and its lexicon
// classes; the key is valid until the next call. A dotted abbreviation is
// the word without its dots, with that word's classes too: U.S is "us", a
// stopword as "US" is, and U.N matches UN.
func (x *extractor) word(s string, t news.Token) ([]byte, lexicon.Class) {
	folded, class := x.fold(s[t.Start:t.End]), lexicon.Class(t.Lex)
	if t.Has(news.Dotted) {
		folded = slices.DeleteFunc(folded, func(c byte) bool { return c == '.' })
		class |= x.lx.Lookup(string(folded))
	}
	return folded, class
}

// fold lower-cases a token's word (without its possessive, which the
// tokenizer leaves out) into x.buf without allocating for ASCII words;
// the result is valid until the next call.
func (x *extractor) fold(w string) []byte {
	b := x.buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			b = append(b[:0], token.Fold(w)...)
			x.buf = b
			return b
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	x.buf = b
	return b
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// sentenceStart reports whether the word at i begins a sentence or a line:
// only white space, quotes or brackets stand between it and a full stop,
// question or exclamation mark, colon, line break or the start of s.
func sentenceStart(s string, i int) bool {
	for i > 0 {
		c := s[i-1]
		switch c {
		case ' ', '\t', '"', '\'', '(', '[', '\r':
			i--
			continue
		case '.', '!', '?', '\n', ':', ';':
			return true
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeLastRuneInString(s[:i])
			switch r {
			case '“', '‘', '—', '–', '«':
				i -= n
				continue
			}
		}
		return false
	}
	return true
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// monthOf returns the month a capitalised word names, or 0. Lower-case words
// ("may", "march") are verbs and nouns, not months.
func monthOf(folded []byte, first rune) int {
	if !unicode.IsUpper(first) || len(folded) < 3 || len(folded) > 9 {
		return 0
	}
	return months[string(folded)]
}

var weekdays = map[string]string{
	"monday": "monday", "tuesday": "tuesday", "wednesday": "wednesday", "thursday": "thursday",
	"friday": "friday", "saturday": "saturday", "sunday": "sunday",
}

func weekday(folded []byte) string {
	if len(folded) < 6 || len(folded) > 9 || folded[len(folded)-1] != 'y' {
		return ""
	}
	return weekdays[string(folded)]
}

// FNV-1a, seeded with the channel so that equal text in two channels gives
// two keys.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(k Kind, b []byte) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(k) + 1
	h *= fnvPrime
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(k Kind, s string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(k) + 1
	h *= fnvPrime
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// sketcher keeps the bottom-k hashes of a text's word 4-shingles.
type sketcher struct {
	w   [4]uint64
	n   int
	min []uint64 // unsorted, at most sketchSize, no repeats
	max uint64   // largest in min when full
}

func (s *sketcher) word(h uint64) {
	s.w[0], s.w[1], s.w[2], s.w[3] = s.w[1], s.w[2], s.w[3], h
	s.n++
	if s.n < 4 {
		return
	}
	x := s.w[0]*0x9E3779B97F4A7C15 ^ rotl(s.w[1], 17) ^ rotl(s.w[2], 31) ^ rotl(s.w[3], 47)
	x = mix64(x)
	if len(s.min) == sketchSize && x >= s.max {
		return
	}
	if slices.Contains(s.min, x) {
		return
	}
	if len(s.min) < sketchSize {
		s.min = append(s.min, x)
		if len(s.min) == sketchSize {
			s.max = slices.Max(s.min)
		}
		return
	}
	i := slices.Index(s.min, s.max)
	s.min[i] = x
	s.max = slices.Max(s.min)
}

func (s *sketcher) sorted() []uint64 {
	slices.Sort(s.min)
	return s.min
}

func rotl(x uint64, k uint) uint64 { return x<<k | x>>(64-k) }

// mix64 is the SplitMix64 finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// tfWeight is the sublinear term frequency. Most term frequencies are
// small multiples of one half (occurrences weigh 1, 1.5 or 2), whose
// weights come from a table.
func tfWeight(tf float32) float32 {
	if h := int(tf * 2); h < len(halfLogs) && float32(h) == tf*2 {
		return halfLogs[h]
	}
	return 1 + float32(math.Log(float64(tf)))
}

// halfLogs[h] is tfWeight(h/2).
var halfLogs = func() (t [128]float32) {
	for h := 1; h < len(t); h++ {
		t[h] = 1 + float32(math.Log(float64(float32(h)/2)))
	}
	return t
}()

// table maps feature keys to small indexes: open addressing with linear
// probing, sized once, for the hot path where a Go map would grow and
// rehash for every article.
type table struct {
	keys []uint64
	vals []int32
	mask uint64
	n    int
}

// newTable returns a table for about n/4 entries (one per word of an n-byte
// text) that grows when needed.
func newTable(n int) table {
	var t table
	t.reset(n)
	return t
}

// reset empties t and sizes it as newTable(n) would, reusing its arrays
// when they are large enough.
func (t *table) reset(n int) {
	size := 64
	for size < n/2 {
		size <<= 1
	}
	if cap(t.keys) < size {
		*t = table{keys: make([]uint64, size), vals: make([]int32, size)}
	} else {
		t.keys, t.vals = t.keys[:size], t.vals[:size]
		clear(t.keys)
	}
	t.mask, t.n = uint64(size-1), 0
}

// scratch is what Extract needs for one article and drops when it
// returns: the key index, as large as the text, and the tokens of the
// headline and standfirst. Allocating an index per article was a third of
// the clusterer's allocation; scratches recycles them. Those of huge
// articles are not kept.
type scratch struct {
	idx  table
	toks []news.Token
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledIndex is the largest index kept for reuse (slots), and
// maxPooledTokens the most tokens.
const (
	maxPooledIndex  = 1 << 16
	maxPooledTokens = 1 << 14
)

// slot returns the value of key, or stores v for it and returns v, false.
// Key 0 is stored as 1 (0 marks an empty slot).
func (t *table) slot(key uint64, v int32) (int32, bool) {
	if key == 0 {
		key = 1
	}
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	for i := mix64(key) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case key:
			return t.vals[i], true
		case 0:
			t.keys[i], t.vals[i] = key, v
			t.n++
			return v, false
		}
	}
}

// get returns the value of key, or -1.
func (t *table) get(key uint64) int32 {
	if key == 0 {
		key = 1
	}
	if len(t.keys) == 0 {
		return -1
	}
	for i := mix64(key) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case key:
			return t.vals[i]
		case 0:
			return -1
		}
	}
}

func (t *table) grow() {
	old := *t
	size := max(64, 2*len(old.keys))
	*t = table{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
	for i, k := range old.keys {
		if k != 0 {
			t.slot(k, old.vals[i])
		}
	}
}

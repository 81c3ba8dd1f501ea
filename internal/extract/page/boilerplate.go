package page

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
)

// Paragraph-level boilerplate rules. They look only at short paragraphs
// (shortWords words or fewer): a body paragraph is rarely that short and
// never made only of a sharing prompt, a credit line or a date.
const shortWords = 12

// boilerTerms mark a short paragraph as page furniture when one of them
// starts a word in it (lower case). They cover the common European news
// languages.
var boilerTerms = []string{
	// newsletters, subscriptions, paywalls
	"newsletter", "abonnier", "abonnez", "subscribe", "sign up", "inscrivez", "suscríbete", "jetzt registrieren",
	"pour lire la suite", "pour accéder", "zum weiterlesen",
	// sharing
	"share this", "share on", "partager", "compartir", "condividi", "udostępnij", "mit anderen teilen",
	"folgen sie uns", "follow us",
	// related content
	"auch interessant", "könnte sie auch", "könnte dich auch", "das könnte", "you may also", "you might also",
	"related", "ähnliche artikel", "weitere artikel", "weitere themen", "mehr zum thema", "lesen sie auch",
	"lesen sie hier", "lesen sie mehr", "read more", "read also", "also read", "weiterlesen", "lire aussi",
	"à lire", "leer más", "te puede interesar", "czytaj także", "czytaj też", "zobacz też", "zobacz także",
	"vorschau auf den nächsten", "nächster artikel", "vorheriger artikel", "next post", "previous post",
	"next article", "previous article", "zum artikel", "zur startseite", "zurück zur", "back to top", "nach oben",
	// credits
	"beitragsbild", "titelbild", "getty images", "bildnachweis", "©", "copyright", "alle rechte",
	"all rights reserved", "tous droits",
	// page metadata
	"letzte änderung", "zuletzt aktualisiert", "zuletzt geändert", "last updated", "last modified",
	"aktualisiert am", "veröffentlicht am", "erstellt am", "published on", "publié le",
	"aufrufe:", "views:", "kommentar schreiben", "leave a comment", "post a comment", "bewerten:", "rate this",
	"schlagwörter", "schlagworte", "filed under", "posted in", "wird geladen", "inhaltsverzeichnis",
	"table of contents", "druckversion", "print this",
}

// startTerms mark a short paragraph as furniture when it starts with one
// of them: credit and caption labels, metadata labels.
var startTerms = []string{
	"foto:", "fotos:", "foto ", "bild:", "bilder:", "bildquelle", "photo:", "photos:", "photo ", "credit:",
	"credits:", "crédit", "quelle:", "source:", "image:", "images:", "(c)", "stand:", "tags:", "tag:",
	"kategorie:", "kategorien:", "categories:", "category:", "rubrik:", "autor:", "author:",
	"anzeige", "*anzeige", "werbung", "*werbung", "sponsored", "advertorial", "publicidad", "publicité",
}

// bylineStarts start a byline ("By Jane Doe", "Von Max Muster"): a
// paragraph of at most five words starting with one and not a sentence.
var bylineStarts = []string{"by ", "von ", "par ", "por ", "door ", "di ", "av "}

// weakTerms mark a short paragraph as furniture only when it is not a
// sentence (no final punctuation): "Facebook Twitter WhatsApp" is a
// sharing bar, "He posted it on Facebook." is not.
var weakTerms = []string{
	"teilen", "share", "kommentare", "comments", "kommentieren", "drucken", "print", "e-mail", "whatsapp",
	"facebook", "twitter", "pinterest", "linkedin", "instagram", "xing", "telegram", "klicken sie", "click here",
	"hier klicken", "mehr erfahren", "learn more", "mehr lesen", "weiter lesen", "download",
}

// exactBoiler are whole short paragraphs that are furniture (lower case,
// final colon removed).
var exactBoiler = map[string]bool{
	"anzeige": true, "werbung": true, "advertisement": true, "publicité": true, "publicidad": true,
	"reklama": true, "sponsored": true, "teaser": true, "mehr": true, "more": true, "top": true,
	"zurück": true, "weiter": true, "back": true, "next": true, "menu": true, "menü": true, "suche": true,
	"search": true, "login": true, "anmelden": true, "drucken": true, "print": true, "e-mail": true,
	"email": true, "schließen": true, "close": true,
}

// relatedHeads are short paragraphs that head a block of links to other
// articles; when one appears in the second half of the text and only
// short paragraphs follow, the rest of the text is that block.
var relatedHeads = []string{
	"auch interessant", "könnte sie auch", "könnte dich auch", "das könnte", "you may also", "you might also",
	"related", "ähnliche artikel", "weitere artikel", "weitere themen", "mehr zum thema", "lesen sie auch",
	"read more", "more from", "more on this", "more stories", "lire aussi", "à lire aussi", "sur le même sujet",
	"te puede interesar", "czytaj także", "zobacz też", "zobacz także", "vorschau auf den nächsten", "beliebte artikel",
	"meistgelesen", "most read", "most popular", "top stories", "empfehlungen", "recommended",
	"schon gelesen", "auch lesen", "mehr themen", "empfohlene beiträge", "neueste artikel", "neueste beiträge",
	"latest articles", "latest news", "videos zum thema", "más sobre", "le puede interesar", "temas relacionados",
	"weitere beiträge", "entdecke weitere", "beiträge aus dem forum", "other stories", "further reading",
}

// commentHeads open a reader-comment section ("12 Kommentare", "Join the
// conversation"); everything after one in the last part of the text is
// comments.
var commentHeads = []string{
	"antworten zu", "antwort zu", "kommentare", "comments", "responses", "replies",
	"réponses", "commentaires", "komentarzy", "komentarze", "comentarios", "join the conversation",
	"be part of the conversation", "diskutieren sie mit", "leserkommentare", "leave a reply", "schreibe einen kommentar",
	"hinterlasse einen kommentar", "laisser un commentaire", "deja un comentario",
}

// Boiler is a set of DropBoilerplate's rules, one bit each, so that an
// ablation can turn each off (DropBoilerplateWithout).
type Boiler uint32

// DropBoilerplate's rules.
const (
	// BoilerExact drops short paragraphs that are only a label
	// (exactBoiler: "Anzeige", "Menu", "Drucken").
	BoilerExact Boiler = 1 << iota
	// BoilerDateLine drops paragraphs that are only a date or a time.
	BoilerDateLine
	// BoilerRelatedCut cuts a trailing block of related-article links
	// after one of relatedHeads.
	BoilerRelatedCut
	// BoilerCommentCut cuts a trailing reader-comment section after one
	// of commentHeads.
	BoilerCommentCut
	// BoilerTerms drops short paragraphs holding one of boilerTerms.
	BoilerTerms
	// BoilerStartTerms drops short paragraphs starting with one of
	// startTerms (credit, caption and metadata labels, ad labels).
	BoilerStartTerms
	// BoilerWeakTerms drops short non-sentences holding one of weakTerms
	// (sharing bars, "click here").
	BoilerWeakTerms
	// BoilerByline drops bylines ("By Jane Doe") of at most five words.
	BoilerByline
)

// DropBoilerplate removes furniture paragraphs from text (paragraphs
// separated by "\n\n") and cuts a trailing related-links or comments
// block, with every rule on.
func DropBoilerplate(text string) string { return DropBoilerplateWithout(text, 0) }

// DropBoilerplateWithout is DropBoilerplate with the rules in off turned
// off.
func DropBoilerplateWithout(text string, off Boiler) string {
	on := func(r Boiler) bool { return off&r == 0 }
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	total := len(text)
	pos := 0
	for i, p := range paras {
		start := pos
		pos += len(p) + 2
		words := countWords(p, shortWords+1)
		if words > shortWords {
			out = append(out, p)
			continue
		}
		low := strings.ToLower(p)
		key := strings.TrimRight(strings.TrimSpace(low), ":.!… ")
		if on(BoilerExact) && exactBoiler[key] || on(BoilerDateLine) && isDateLine(low) {
			continue
		}
		if on(BoilerRelatedCut) && start > total/2 && hasTerm(low, relatedHeads) && restShort(paras[i+1:]) {
			break
		}
		if on(BoilerCommentCut) && start > total*3/5 && words <= 8 && !IsSentence(low) && isCommentHead(low) {
			break
		}
		if on(BoilerTerms) && hasTerm(low, boilerTerms) || on(BoilerStartTerms) && hasPrefixTerm(low, startTerms) ||
			!IsSentence(low) && (on(BoilerWeakTerms) && hasWord(low, weakTerms) ||
				on(BoilerByline) && words <= 5 && hasPrefixTerm(low, bylineStarts)) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}

// hasPrefixTerm reports whether s starts with one of terms.
func hasPrefixTerm(s string, terms []string) bool {
	s = strings.TrimLeft(s, " \t\n([")
	for _, t := range terms {
		if strings.HasPrefix(s, t) {
			return true
		}
	}
	return false
}

// isSentence reports whether p ends like a sentence.
func IsSentence(p string) bool {
	p = strings.TrimRight(p, " \t\n\"'»«“”’)")
	return strings.HasSuffix(p, ".") || strings.HasSuffix(p, "!") || strings.HasSuffix(p, "?")
}

// isCommentHead reports whether a short paragraph opens a comment section:
// one of commentHeads, alone or after a count ("11 Antworten zu …").
func isCommentHead(low string) bool {
	t := strings.TrimLeft(low, "0123456789 ")
	for _, h := range commentHeads {
		if strings.HasPrefix(t, h) && (len(t) == len(h) || !isWordRune(firstRune(t[len(h):]))) {
			return true
		}
	}
	return false
}

// restShort reports whether every paragraph in paras is short (teaser
// titles, not body text).
func restShort(paras []string) bool {
	for _, p := range paras {
		if countWords(p, 31) > 30 {
			return false
		}
	}
	return true
}

// hasTerm reports whether one of terms starts a word in s.
func hasTerm(s string, terms []string) bool { return findTerm(s, terms, false) }

// hasWord reports whether one of terms is a whole word (or words) in s.
func hasWord(s string, terms []string) bool { return findTerm(s, terms, true) }

func findTerm(s string, terms []string, whole bool) bool {
	for _, t := range terms {
		for off := 0; ; {
			i := strings.Index(s[off:], t)
			if i < 0 {
				break
			}
			i += off
			startOK := i == 0 || !isWordRune(lastRune(s[:i])) || !isWordRune(firstRune(t))
			endOK := !whole || i+len(t) == len(s) || !isWordRune(firstRune(s[i+len(t):]))
			if startOK && endOK {
				return true
			}
			off = i + len(t)
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// countWords counts the white-space separated words of s, stopping at max.
func countWords(s string, max int) int {
	n, in := 0, false
	for _, c := range s {
		if unicode.IsSpace(c) {
			in = false
			continue
		}
		if !in {
			n++
			if n >= max {
				return n
			}
		}
		in = true
	}
	return n
}

// dateWord reports whether the lower-case word f may stand in a date
// line: an English month name or abbreviation or weekday name, or one of
// the lexicon's date-line-words (other languages' names, "am", "uhr").
func dateWord(f string) bool {
	lx := lexicon.Default()
	return lx.Is(f, lexicon.Month|lexicon.MonthAbbr|lexicon.Weekday) || lx.Has("date-line-words", f)
}

// isDateLine reports whether the paragraph is only a date or a time
// ("23.10.2018", "17. November 2019, 19:49", "January 13, 2020").
func isDateLine(low string) bool {
	if !dateShaped(low) {
		return false
	}
	digits := 0
	for _, f := range strings.FieldsFunc(low, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '-' || r == '–' || r == '/'
	}) {
		f = strings.Trim(f, ".:()")
		if f == "" {
			continue
		}
		if dateWord(f) {
			continue
		}
		allDigit := true
		for _, c := range f {
			if !(c >= '0' && c <= '9' || c == '.' || c == ':') {
				allDigit = false
				break
			}
		}
		if !allDigit {
			return false
		}
		digits++
	}
	return digits > 0
}

// dateShaped reports whether s holds a date or time separator between two
// digits ("23.10", "19:49", "2021-10-16", "17/11") or a month or weekday
// name, so that rows of plain numbers are not taken for dates.
func dateShaped(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		switch s[i] {
		case '.', ':', '/', '-':
			if isDigit(s[i-1]) && isDigit(s[i+1]) {
				return true
			}
		}
	}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(f) > 3 && dateWord(f) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

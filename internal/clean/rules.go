package clean

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rule names why a line was taken out of the body.
type Rule string

// The rules. Each is a general rule about the shape and vocabulary of site
// furniture; none names an outlet.
const (
	RuleTitle      Rule = "title"      // the headline (first line of a text file, or a repeat of the given title)
	RuleStandfirst Rule = "standfirst" // the summary line right under the headline
	RuleDate       Rule = "date"       // a date line in the header ("Published: …", "Last Modified …")
	RuleByline     Rule = "byline"     // "By Jane Doe" in the header
	RuleCaption    Rule = "caption"    // captions, photo credits, video labels
	RuleFurniture  Rule = "furniture"  // share, subscribe, newsletter, advertisement, "Read more", "Click here" lines
	RuleCopyright  Rule = "copyright"  // "© 2019 …", "All rights reserved"
	RuleSignoff    Rule = "signoff"    // "<outlet> and agencies", "Reporting by …", "… contributed to this report"
	RuleRelated    Rule = "related"    // "Related", "Topics in this article", "Featured on …" headers and the teasers after them
	RuleTrailing   Rule = "trailing"   // short lines without final punctuation after the last paragraph
	RuleLabel      Rule = "label"      // a lone caption-like line without final punctuation inside the body
	RuleRecurring  Rule = "recurring"  // a line seen in several articles of the same outlet
)

// countWords counts space-separated words of a normalised line (single
// spaces, trimmed).
func countWords(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// endsTerminal reports whether a line ends like a sentence: ".", "!", "?",
// "…", or a closing quotation mark (quoted words are content), possibly
// followed by closing brackets.
func endsTerminal(s string) bool {
	for len(s) > 0 && (s[len(s)-1] == ')' || s[len(s)-1] == ']' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	switch lastRune(s) {
	case '.', '!', '?', '…', '"', '\'', '»':
		return true
	}
	return false
}

// hasLetter reports whether s holds a letter or digit.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// hasQuote reports whether s quotes someone: a double quotation mark followed
// later by another one.
func hasQuote(s string) bool {
	i := strings.IndexByte(s, '"')
	return i >= 0 && strings.IndexByte(s[i+1:], '"') >= 0
}

// sentenceCount estimates how many sentences s holds: sentence ends followed
// by a space and a capital letter or quote, plus one.
func sentenceCount(s string) int {
	n := 1
	for i := 0; i+2 < len(s); i++ {
		c := s[i]
		if (c == '.' || c == '!' || c == '?') && s[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if isUpperRune(r) || r == '"' {
				// Not after a single capital ("George W. Bush") or a short
				// abbreviation ("Mr. Obama", "U.S. troops").
				j := i
				for j > 0 && s[j-1] != ' ' {
					j--
				}
				w := s[j:i]
				if len(w) <= 3 && w != "" && (w[0] >= 'A' && w[0] <= 'Z') {
					continue
				}
				n++
			}
		}
	}
	return n
}

// lowerASCII lower-cases ASCII letters only (enough for the vocabulary),
// eight bytes at a time.
func lowerASCII(s string) string {
	return bytesToString(lowerASCIIInto(make([]byte, len(s)), s))
}

// lowerASCIIInto writes s lower-cased into b (of len(s) bytes) and returns
// it.
func lowerASCIIInto(b []byte, s string) []byte {
	b = b[:len(s)]
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		const high = 0x8080808080808080
		h := x &^ high
		geA := h + 0x3f3f3f3f3f3f3f3f // high bit set where byte >= 'A'
		gtZ := h + 0x2525252525252525 // high bit set where byte > 'Z'
		upper := (geA &^ gtZ) &^ x & high
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// hasPrefixWord reports whether low starts with p followed by a non-letter
// or the end ("share" matches "share this" and "share:", not "shares").
func hasPrefixWord(low, p string) bool {
	if !strings.HasPrefix(low, p) {
		return false
	}
	if len(low) == len(p) {
		return true
	}
	c := low[len(p)]
	return !(c >= 'a' && c <= 'z') || strings.HasSuffix(p, " ") || !(p[len(p)-1] >= 'a' && p[len(p)-1] <= 'z')
}

// captionPrefixes start captions, credits and media labels.
var captionPrefixes = []string{
	"media caption", "image caption", "video caption", "photo caption", "picture caption",
	"image copyright", "image source", "picture source", "caption:", "photo:", "photos:",
	"photograph:", "photographs:", "picture:", "pictures:", "pictured:", "image:", "images:",
	"video:", "watch:", "watch video", "play video", "video duration", "listen:", "audio:",
	"hide caption", "toggle caption", "enlarge this image", "slideshow", "gallery:", "file photo",
	"(photo", "[photo", "(image", "[image", "credit:", "photo credit", "image credit",
	"photo by", "photo illustration", "getty images", "click to enlarge", "click to expand",
}

// creditWords mark a trailing parenthesis as a photo credit.
var creditWords = []string{"photo", "image", "getty", "credit", "courtesy", "shutterstock", "afp", "epa", "pool", "file", "reuters/", "ap/", "/ap", "/reuters", "istock", "pixabay", "unsplash"}

// furnitureLines are whole lines of site furniture (lower case, compared
// without final ":", "." or "…").
var furnitureLines = map[string]bool{
	"advertisement": true, "ad": true, "advert": true, "sponsored": true, "sponsored content": true,
	"promoted": true, "paid content": true, "story continues below": true, "story continued below": true,
	"article continues below": true, "continue reading": true, "continue reading below": true,
	"continue reading the main story": true, "advertisement continue reading the main story": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"share this page": true, "share on facebook": true, "share on twitter": true, "tweet": true,
	"email": true, "print": true, "comments": true, "comment": true, "close": true, "loading": true,
	"skip": true, "skip advertisement": true, "back to top": true, "more": true, "read more": true,
	"see more": true, "show more": true, "view more": true, "load more": true, "related": true,
	"listen": true, "watch": true, "subscribe": true, "sign up": true, "follow": true, "topics": true,
	"tags": true, "[pullquote]": true, "pullquote": true, "embed": true, "copy link": true,
	"link copied": true, "whatsapp": true, "facebook": true, "twitter": true, "linkedin": true,
	"pinterest": true, "reddit": true, "messenger": true, "share via email": true, "save": true,
	"bookmark": true, "listen to this article": true, "reading time": true, "most read": true,
	"most popular": true, "trending": true, "top stories": true, "you may also like": true,
	"you might also like": true, "recommended": true, "recommended for you": true, "related stories": true,
	"related articles": true, "related coverage": true, "related content": true, "related topics": true,
	"related links": true, "related news": true, "more on this story": true, "more on this": true,
	"more stories": true, "more news": true, "latest news": true, "around the web": true,
	"from around the web": true, "in other news": true, "editor's picks": true, "what to read next": true,
	"keep reading": true, "read next": true, "see also": true, "also read": true, "next article": true,
	"previous article": true, "next story": true, "previous story": true, "video": true, "photos": true,
	"gallery": true, "opinion": true, "analysis": true, "breaking": true, "breaking news": true,
	"live": true, "updated": true, "topics in this article": true, "related content and topics": true,
}

// furnitureStarts begin short furniture lines.
var furnitureStarts = []string{
	"click here", "click to ", "tap here", "sign up", "signup", "subscribe ", "subscribe:", "follow us",
	"follow @", "like us on", "join us on", "find us on", "download the ", "download our ", "get the app",
	"read more", "read next", "see also", "also read", "also see", "related:", "related coverage",
	"related articles", "related stories", "related video", "related content", "more:", "more on this",
	"more on that", "more stories", "share this", "share on ", "email this", "get our ", "get breaking news",
	"don't miss", "want more", "want to read more", "recommended:", "watch the full", "listen to the full",
	"advertisement", "support our journalism", "support independent journalism", "become a member",
	"already a subscriber", "already have an account", "log in to", "sign in to",
	"you have reached", "this content is not available", "this video is not available",
	"your browser does not support", "to view this video", "please enable javascript", "javascript is disabled",
	"we use cookies", "accept cookies", "listen to this article", "read the full story",
	"read the full article", "for more information, visit",
}

// furnitureWords are strong signs of subscription and sharing furniture; a
// line of up to 80 words with two different ones is furniture.
var furnitureWords = []string{
	"newsletter", "subscribe", "subscription", "sign up", "signing up", "inbox", "unsubscribe",
	"privacy policy", "terms of use", "terms of service", "click here", "email address", "all rights reserved",
	"follow us", "download our app", "download the app", "app store", "google play",
	"reprint permission",
}

// relatedHeaderStarts begin the header of a teaser or related-links block
// ("Related", "More on this story", "Featured on <site>", "Topics in this
// article"); what follows such a header at the end of an article is
// teasers, not body.
var relatedHeaderStarts = []string{
	"related", "more on this", "more from", "more stories", "more news", "more in ", "more about",
	"most read", "most popular", "most viewed", "most shared", "most watched", "topics", "tags",
	"filed under", "featured", "recommended", "you may also like", "you might also like", "you may like",
	"also on ", "also in ", "also read", "read more", "read next", "see also", "top stories", "around the web",
	"from around the web", "in other news", "editor's picks", "editors' picks", "what to read next",
	"keep reading", "elsewhere on", "latest from", "latest stories", "latest news", "trending",
	"more coverage", "further reading", "other stories", "popular", "sponsored", "promoted", "share this",
	"follow us", "newsletter", "comments",
}

// outletIntros introduce the outlet's name in site furniture ("Featured on
// <outlet>", "More from <outlet>").
var outletIntros = []string{"featured on ", "more from ", "also on ", "latest from ", "the latest from ", "elsewhere on ", "more on ", "follow "}

// signoffEnds end a sign-off naming the outlet: "<outlet> and agencies".
var signoffEnds = []string{" and agencies", " and wires", " and wire services", " and news agencies", " with agencies", " and agency reports", " with wire services", " and wire reports"}

// creditStarts begin a reporting-credit line.
var creditStarts = []string{
	"reporting by", "additional reporting by", "(reporting by", "editing by", "writing by", "compiled by",
	"edited by", "with reporting by", "(additional reporting by", "(editing by", "(writing by",
	"— reporting by", "- reporting by", "with additional reporting",
}

// creditContains mark a line as a credit or an editorial note about the
// article rather than part of it.
var creditContains = []string{
	"contributed to this report", "contributed reporting", "contributed to this article",
	"contributed to this story", "contributed to this post", "this story has been updated",
	"this article has been updated", "this post has been updated", "this article was originally published",
	"this article originally appeared", "this story originally appeared", "this article first appeared",
	"this story first appeared", "a version of this article", "a version of this story",
	"this article is based in part on wire", "based in part on wire service reports",
}

// isSeparator reports a line with no letter or digit ("***", "___", "•").
func isSeparator(s string) bool { return !hasLetter(s) }

// furnitureRule returns the rule that makes line (normalised, trimmed) site
// furniture wherever it stands, or "".
//
// It runs on every line, so it is written to be cheap on prose: the prefix
// lists are looked up by the line's first word, and the "contains" lists
// only when one of their anchor words occurs in the line.
func furnitureRule(line, low string, words int) Rule {
	if isSeparator(line) {
		return RuleFurniture
	}
	bare := trimEndPunct(low)
	first := firstWordKey(low)
	pre := prefixIndex[first]
	// Captions, credits, media labels.
	if words <= 80 && pre.has(listCaption, low) {
		return RuleCaption
	}
	if words <= 8 && (low[0] == '(' && strings.HasSuffix(low, ")") || low[0] == '[' && strings.HasSuffix(low, "]")) {
		if !strings.Contains(low[1:len(low)-1], "(") && !strings.Contains(low, "\"") {
			return RuleCaption // "(Getty Images)", "[AP Photo/Jane Doe]"
		}
	}
	if words <= 60 && (strings.HasSuffix(low, ")") || strings.HasSuffix(low, ").")) {
		if i := strings.LastIndexByte(low, '('); i > 0 {
			inner := low[i:]
			for _, w := range creditWords {
				if strings.Contains(inner, w) && countWords(inner) <= 8 {
					return RuleCaption // "Troops leave a base on Friday (AP Photo/Jane Doe)"
				}
			}
		}
	}
	if words <= 40 && !endsTerminal(line) && (strings.HasSuffix(low, "getty images") || strings.HasSuffix(low, "/afp") || strings.HasSuffix(low, "/reuters") || strings.HasSuffix(low, "/ap")) {
		return RuleCaption
	}
	anchors := 0
	if words <= 80 { // no anchored rule applies to longer lines
		anchors = anchorWords(low)
	}
	// Copyright.
	if words <= 80 && (strings.HasPrefix(low, "©") || strings.HasPrefix(low, "(c) ") || anchors&(anchorCopyright|anchorReserved) != 0 && isCopyright(low)) {
		return RuleCopyright
	}
	// Sign-offs and credits.
	if words <= 10 && anchors&anchorAgencies != 0 {
		for _, e := range signoffEnds {
			if strings.HasSuffix(bare, e) && len(bare) > len(e) {
				return RuleSignoff
			}
		}
	}
	if words <= 50 && pre.has(listCredit, low) {
		return RuleSignoff
	}
	if words <= 8 && !endsTerminal(line) && (strings.HasPrefix(low, "source:") || strings.HasPrefix(low, "sources:")) {
		return RuleSignoff
	}
	if words <= 40 && anchors&anchorCredit != 0 {
		for _, c := range creditContains {
			if strings.Contains(low, c) {
				return RuleSignoff
			}
		}
	}
	// Share, subscribe, advertisement.
	if words <= 8 && furnitureLines[bare] {
		return RuleFurniture
	}
	if words <= 30 && pre.has(listFurniture, low) {
		return RuleFurniture
	}
	if anchors&anchorFurniture != 0 {
		n := 0
		for _, w := range furnitureWords {
			if strings.Contains(low, w) {
				n++
				if n == 2 {
					return RuleFurniture
				}
			}
		}
		if n == 1 && words <= 15 && !endsTerminal(line) && !hasQuote(line) {
			return RuleFurniture
		}
	}
	return ""
}

// The prefix lists, as indexed by prefixIndex.
const (
	listCaption = iota
	listCredit
	listFurniture
)

// prefixes holds, for one first word, the prefixes of each list that start
// with it.
type prefixes [3][]string

// Caption labels of two words match even when glued to the caption ("media
// captionThe president…"): scraping often drops the space after a label.
func (p prefixes) has(list int, low string) bool {
	for _, x := range p[list] {
		if hasPrefixWord(low, x) || list == listCaption && strings.IndexByte(x, ' ') > 0 && strings.HasPrefix(low, x) {
			return true
		}
	}
	return false
}

// prefixIndex maps a first word (see firstWordKey) to the prefixes that
// start with it. It is built once from the lists above and never changed.
var prefixIndex = func() map[string]prefixes {
	m := make(map[string]prefixes)
	for list, ps := range [][]string{captionPrefixes, creditStarts, furnitureStarts} {
		for _, p := range ps {
			k := firstWordKey(p)
			e := m[k]
			e[list] = append(e[list], p)
			m[k] = e
		}
	}
	return m
}()

// firstWordKey is the start of low up to the first space or the first byte
// after a non-letter ("(photo" -> "(", "read more:" -> "read").
func firstWordKey(low string) string {
	if low == "" {
		return ""
	}
	if !(low[0] >= 'a' && low[0] <= 'z') {
		return low[:1]
	}
	i := 1
	for i < len(low) && low[i] >= 'a' && low[i] <= 'z' || i < len(low) && low[i] == '\'' {
		i++
	}
	return low[:i]
}

// Anchor words gate the "contains" lists.
const (
	anchorFurniture = 1 << iota
	anchorCredit
	anchorCopyright
	anchorReserved
	anchorAgencies
)

// anchorShapes marks the (length, first letter) pairs of the anchor words
// so that anchorWords compares only the few words that could be one.
var anchorShapes = func() (t [16][26]bool) {
	for _, w := range []string{"newsletter", "newsletters", "subscribe", "subscription", "sign", "signing", "inbox",
		"unsubscribe", "privacy", "terms", "click", "email", "follow", "download", "app", "google", "reprint",
		"contributed", "updated", "originally", "appeared", "version", "wire", "copyright", "reserved",
		"agencies", "wires", "agency", "services", "reports"} {
		t[len(w)][w[0]-'a'] = true
	}
	return t
}()

// anchorWords returns which anchor words low holds, in one pass over its
// words.
func anchorWords(low string) int {
	m := 0
	for i := 0; i < len(low); {
		for i < len(low) && !(low[i] >= 'a' && low[i] <= 'z') {
			i++
		}
		j := i
		for j < len(low) && low[j] >= 'a' && low[j] <= 'z' {
			j++
		}
		if n := j - i; n == 0 || n >= 16 || !anchorShapes[n][low[i]-'a'] {
			i = j
			continue
		}
		switch low[i:j] {
		case "newsletter", "newsletters", "subscribe", "subscription", "sign", "signing", "inbox",
			"unsubscribe", "privacy", "terms", "click", "email", "follow", "download", "app", "google", "reprint":
			m |= anchorFurniture
		case "contributed", "updated", "originally", "appeared", "version", "wire":
			m |= anchorCredit
		case "copyright":
			m |= anchorCopyright
		case "reserved":
			m |= anchorReserved | anchorFurniture
		case "agencies", "wires", "agency", "services", "reports":
			m |= anchorAgencies
		}
		i = j
	}
	return m
}

// isRelatedHeader reports a short header line that introduces a block of
// related links or teasers.
func isRelatedHeader(line, low string, words int) bool {
	if words > 8 || words == 0 {
		return false
	}
	if endsTerminal(line) && !strings.HasSuffix(line, "...") && !strings.HasSuffix(line, "…") {
		return false
	}
	for _, h := range relatedHeaderStarts {
		if !hasPrefixWord(low, h) {
			continue
		}
		// Only the header itself: "Read more: <headline>" is one link, not a header.
		rest := strings.TrimSpace(low[len(h):])
		if i := strings.IndexByte(rest, ':'); i >= 0 && strings.TrimSpace(rest[i+1:]) != "" {
			return false
		}
		return countWords(rest) <= 4
	}
	return false
}

// outletHint returns the outlet a furniture line names: "<outlet> and
// agencies", "Featured on <outlet>", "© 2011 <outlet>", and how sure it is
// (higher is surer); "" when it names none.
func outletHint(line, low string, rule Rule) (string, int) {
	bare := trimEndPunct(line)
	lowBare := trimEndPunct(low)
	switch rule {
	case RuleSignoff:
		for _, e := range signoffEnds {
			if strings.HasSuffix(lowBare, e) && len(lowBare) > len(e) {
				name := bare[:len(bare)-len(e)]
				if i := strings.IndexByte(name, ':'); i >= 0 { // "Source: <outlet> and agencies"
					name = name[i+1:]
				}
				return outletName(name), 3
			}
		}
	case RuleCopyright:
		s := bare
		for {
			l := strings.ToLower(s)
			switch {
			case strings.HasPrefix(l, "copyright"):
				s = s[len("copyright"):]
			case strings.HasPrefix(s, "©"):
				s = s[len("©"):]
			case strings.HasPrefix(l, "(c)"):
				s = s[3:]
			default:
				return outletName(s), 1
			}
			s = strings.TrimLeft(s, " :")
		}
	case RuleRelated, RuleFurniture, "":
		for _, p := range outletIntros {
			if strings.HasPrefix(lowBare, p) {
				name := bare[len(p):]
				if p == "follow " || p == "more on " {
					// "Follow <outlet> on Twitter"; "More on <outlet>"
					if i := strings.Index(name, " on "); i > 0 {
						name = name[:i]
					} else if p == "follow " {
						return "", 0
					}
				}
				if strings.HasPrefix(name, "this") || strings.HasPrefix(name, "the story") {
					return "", 0
				}
				return outletName(name), 2
			}
		}
	}
	return "", 0
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }

// isCopyright reports a copyright notice: "© …", "(c) 2019 …", "Copyright
// 2019 …", "Copyright © …", or any line saying "all rights reserved". A line
// that merely starts with the word ("Copyright law was…") is not one.
func isCopyright(low string) bool {
	if strings.HasPrefix(low, "©") || strings.HasPrefix(low, "(c) ") || strings.Contains(low, "all rights reserved") {
		return true
	}
	if !hasPrefixWord(low, "copyright") {
		return false
	}
	rest := strings.TrimLeft(low[len("copyright"):], " :")
	rest = strings.TrimPrefix(rest, "by ")
	return strings.HasPrefix(rest, "©") || strings.HasPrefix(rest, "(c)") || rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// trimEndPunct trims the final spaces and " : . ! > … »" that furniture
// lines end with ("Read more…", "Share:").
func trimEndPunct(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c == ' ' || c == ':' || c == '.' || c == '!' || c == '>':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "…"):
			s = s[:len(s)-len("…")]
		case strings.HasSuffix(s, "»"):
			s = s[:len(s)-len("»")]
		default:
			return s
		}
	}
	return s
}

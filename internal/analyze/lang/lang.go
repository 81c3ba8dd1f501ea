// Package lang is the analysis stage that names an article's language when
// its input did not declare one. It reads the article's tokens (and, for
// languages other than English, the start of its text); the
// result goes to news.Article.Language, which compare uses to align only
// articles in one language.
//
// English, the language of nearly every input, is recognised from its
// function words, which is fast and reliable even on short texts; other
// languages go to whatlanggo (github.com/RadhiFadlillah/whatlanggo), whose
// answer is kept only when it says it is reliable.
package lang

import (
	"strings"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// Detect returns the ISO 639-1 code of the language of text, whose tokens
// are toks: "en" when at least a fifth of its first words are English
// stopwords, else whatlanggo's answer when reliable, else "".
func Detect(text string, toks []news.Token) string {
	if looksEnglish(toks) {
		return "en"
	}
	head := strings.ToValidUTF8(text[:min(len(text), 4000)], "") // the cut may split a rune
	if info := whatlanggo.Detect(head); info.IsReliable() {
		return info.Lang.Iso6391()
	}
	return ""
}

// looksEnglish reports whether at least a fifth of the words in the first
// 8,000 bytes are English stopwords (function and topicless words).
func looksEnglish(toks []news.Token) bool {
	n, stop := 0, 0
	for _, t := range toks {
		if t.Start >= 8000 {
			break
		}
		if t.Kind == news.Punct {
			continue
		}
		n++
		if lexicon.Class(t.Lex)&lexicon.Stop != 0 {
			stop++
		}
	}
	return n >= 5 && stop*5 >= n
}

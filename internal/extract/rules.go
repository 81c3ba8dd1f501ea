package extract

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/extract/page"
)

// Rule is a set of this package's steps on top of go-trafilatura, one bit
// each. Options.Off turns the steps in it off, so that an ablation
// (scripts/eval-extract --ablate) can score each one; the zero value keeps
// every step on.
type Rule uint32

// The steps, in the order Extract applies them.
const (
	// RuleDecode: the charset and parse steps of this package feed
	// trafilatura (off: trafilatura reads the page's bytes itself).
	RuleDecode Rule = 1 << iota
	// RuleNormalize: the page is put in NFC and its soft hyphens removed.
	RuleNormalize
	// RuleBigPage: pages with more than maxTextRunes of text take the
	// linear path instead of trafilatura.
	RuleBigPage
	// RuleRender: the body is rendered block by block (off: trafilatura's
	// ContentText).
	RuleRender
	// RuleRenderSplit: words glued at an inline element boundary are
	// separated (page.Render; off: page.RenderJoined).
	RuleRenderSplit
	// RuleBaselineBody: when trafilatura's last-resort baseline returns a
	// body node that holds more than its text (earlier candidates left in
	// it), only the block its text comes from is rendered.
	RuleBaselineBody
	// RuleUnglue: paragraphs that trafilatura glued together are split.
	RuleUnglue
	// RuleFallback: go-readability's body replaces trafilatura's when it
	// is more than twice as long.
	RuleFallback
	// RuleFallbackProse: go-readability's body replaces trafilatura's when
	// trafilatura's reads like a menu and go-readability's like prose.
	RuleFallbackProse
	// The paragraph rules of page.DropBoilerplate, one each.
	RuleBoilerExact
	RuleBoilerDateLine
	RuleBoilerRelatedCut
	RuleBoilerCommentCut
	RuleBoilerTerms
	RuleBoilerStartTerms
	RuleBoilerWeakTerms
	RuleBoilerByline
	// RuleLeadMeta: the standfirst found through the meta description is
	// put back as the first paragraph.
	RuleLeadMeta
	// RuleLeadHeader: the standfirst marked up as a lead after the <h1> is
	// put back when there is no meta-description lead.
	RuleLeadHeader
	// RuleDropTitle: the headline is removed from the start of the body.
	RuleDropTitle

	ruleEnd
)

// AllRules holds every step: Options{Off: AllRules} is go-trafilatura
// alone (ExcludeComments, ContentText).
const AllRules = ruleEnd - 1

// ruleNames are the names ParseRules and Rule.String use.
var ruleNames = []struct {
	r    Rule
	name string
}{
	{RuleDecode, "decode"},
	{RuleNormalize, "normalize"},
	{RuleBigPage, "big-page"},
	{RuleRender, "render"},
	{RuleRenderSplit, "render-split"},
	{RuleBaselineBody, "baseline-body"},
	{RuleUnglue, "unglue"},
	{RuleFallback, "fallback"},
	{RuleFallbackProse, "fallback-prose"},
	{RuleBoilerExact, "boiler-exact"},
	{RuleBoilerDateLine, "boiler-date-line"},
	{RuleBoilerRelatedCut, "boiler-related-cut"},
	{RuleBoilerCommentCut, "boiler-comment-cut"},
	{RuleBoilerTerms, "boiler-terms"},
	{RuleBoilerStartTerms, "boiler-start-terms"},
	{RuleBoilerWeakTerms, "boiler-weak-terms"},
	{RuleBoilerByline, "boiler-byline"},
	{RuleLeadMeta, "lead-meta"},
	{RuleLeadHeader, "lead-header"},
	{RuleDropTitle, "drop-title"},
}

// RuleNames lists the name of every step, in order.
func RuleNames() []string {
	out := make([]string, len(ruleNames))
	for i, n := range ruleNames {
		out[i] = n.name
	}
	return out
}

// ParseRules reads a comma-separated list of step names ("render,unglue");
// "all" names every step and "" none.
func ParseRules(s string) (Rule, error) {
	var r Rule
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if f == "all" {
			r |= AllRules
			continue
		}
		found := false
		for _, n := range ruleNames {
			if n.name == f {
				r |= n.r
				found = true
				break
			}
		}
		if !found {
			return 0, fmt.Errorf("unknown extraction rule %q (known: all, %s)", f, strings.Join(RuleNames(), ", "))
		}
	}
	return r, nil
}

// String lists the names of the steps in r, comma-separated.
func (r Rule) String() string {
	var names []string
	for _, n := range ruleNames {
		if r&n.r != 0 {
			names = append(names, n.name)
		}
	}
	return strings.Join(names, ",")
}

// boilerOff maps the boilerplate steps of off to page's rule set.
func boilerOff(off Rule) page.Boiler {
	var b page.Boiler
	for _, m := range []struct {
		r Rule
		b page.Boiler
	}{
		{RuleBoilerExact, page.BoilerExact},
		{RuleBoilerDateLine, page.BoilerDateLine},
		{RuleBoilerRelatedCut, page.BoilerRelatedCut},
		{RuleBoilerCommentCut, page.BoilerCommentCut},
		{RuleBoilerTerms, page.BoilerTerms},
		{RuleBoilerStartTerms, page.BoilerStartTerms},
		{RuleBoilerWeakTerms, page.BoilerWeakTerms},
		{RuleBoilerByline, page.BoilerByline},
	} {
		if off&m.r != 0 {
			b |= m.b
		}
	}
	return b
}

// boilerRules are the steps of page.DropBoilerplate and the lead.
const boilerRules = RuleBoilerExact | RuleBoilerDateLine | RuleBoilerRelatedCut | RuleBoilerCommentCut |
	RuleBoilerTerms | RuleBoilerStartTerms | RuleBoilerWeakTerms | RuleBoilerByline | RuleLeadMeta | RuleLeadHeader

// off returns the steps opt turns off, its older switches included.
func (opt Options) off() Rule {
	off := opt.Off
	if opt.NoFallback {
		off |= RuleFallback | RuleFallbackProse
	}
	if opt.KeepBoilerplate {
		off |= boilerRules
	}
	return off
}

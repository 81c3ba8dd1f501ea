package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
)

func TestCopies(t *testing.T) {
	r := Compare(comparetest.WireCopy(), Options{})
	if want := []Copy{{Articles: []string{"post-1", "star-1"}}}; !cmp.Equal(r.Copies, want) {
		t.Errorf("Copies = %v; want %v", r.Copies, want)
	}
	var accounts []string
	for _, a := range r.Articles {
		accounts = append(accounts, a.Account)
	}
	if want := []string{"post-1", "post-1", "ledger-1"}; !slices.Equal(accounts, want) {
		t.Errorf("accounts = %v; want %v", accounts, want)
	}
	if !slices.ContainsFunc(r.Notes, func(n string) bool {
		return strings.Contains(n, "post-1 (Daily Post), star-1 (Evening Star) run one text")
	}) {
		t.Errorf("no note names the copies: %q", r.Notes)
	}
	// An article that takes one sentence of the wire text is no copy.
	docs := comparetest.WireCopy()
	docs[1] = comparetest.NewDoc("star-1", "Evening Star", "Port warehouse burns", docs[1].Published).
		Para(docs[0].Text[docs[0].Sentences[0].Start:docs[0].Sentences[0].End],
			"Residents of Quay Street spent the night away from home.", "The harbour master closed the inner basin to shipping.").Doc()
	if got := Compare(docs, Options{}).Copies; len(got) != 0 {
		t.Errorf("Copies with one sentence in common = %v; want none", got)
	}
}

func TestAccountsSameOutlet(t *testing.T) {
	r := Compare(comparetest.OneOutlet(), Options{})
	var accounts []string
	for _, a := range r.Articles {
		accounts = append(accounts, a.Account)
	}
	if want := []string{"post-1", "post-1", "ledger-1"}; !slices.Equal(accounts, want) {
		t.Errorf("accounts = %v; want %v (Daily Post and DAILY POST are one outlet)", accounts, want)
	}
	if len(r.Copies) != 0 {
		t.Errorf("Copies = %v; want none", r.Copies)
	}
}

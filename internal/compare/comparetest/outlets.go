package comparetest

import (
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// The sentences of an invented wire story about a warehouse fire.
var wire = []string{
	"A fire destroyed a timber warehouse in the port district of Harbour City on Sunday night.",
	"Firefighters fought the blaze for six hours before bringing it under control on Monday morning.",
	"Nobody was hurt, but smoke forced the evacuation of forty homes on Quay Street.",
	"The cause of the fire is not yet known, the fire service said in a statement.",
}

// WireCopy returns a story of three articles: the same wire text run by
// two outlets (the second with its own opening sentence) and an
// independent account of the fire by a third.
func WireCopy() []news.Document {
	t := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)
	a := NewDoc("post-1", "Daily Post", "Warehouse fire in port district", t).Para(wire...).Doc()
	b := NewDoc("star-1", "Evening Star", "Port warehouse burns", t).
		Para(append([]string{"Residents of Quay Street spent the night away from home after a huge fire."}, wire[1:]...)...).Doc()
	c := NewDoc("ledger-1", "Morning Ledger", "Timber store lost to flames", t).
		Para("Forty households on Quay Street had to leave their homes as a fire gutted a timber warehouse on Sunday night.",
			"Fire crews needed six hours to bring the blaze under control.",
			"The harbour master closed the inner basin to shipping until Tuesday.").Doc()
	return []news.Document{a, b, c}
}

// OneOutlet returns a story of two articles of one outlet (its source
// spelled in two letter cases) and one of another outlet; the first two
// report the same fact in different words.
func OneOutlet() []news.Document {
	t := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)
	a := NewDoc("post-1", "Daily Post", "Warehouse fire in port district", t).
		Para("A fire destroyed a timber warehouse in the port district of Harbour City on Sunday night.",
			"The harbour master closed the inner basin to shipping until Tuesday.").Doc()
	b := NewDoc("post-2", "DAILY POST", "Port fire: basin closed", t).
		Para("The harbour master has closed the inner basin to shipping until Tuesday after the warehouse fire.",
			"Ferries to the islands leave from the outer pier instead.").Doc()
	c := NewDoc("ledger-1", "Morning Ledger", "Timber store lost to flames", t).
		Para("A fire destroyed a timber warehouse in the port district of Harbour City on Sunday night.",
			"Firefighters fought the blaze for six hours.").Doc()
	return []news.Document{a, b, c}
}

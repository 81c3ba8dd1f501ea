package quantity

// The word lists of the scanner. Look-ups use lower-cased words built in a
// fixed buffer; a map index with string(b) does not allocate.

// spelledValue returns the value of a lower-case number word and its role:
// 1 a unit or teen, 2 a tens word, 3 a multiplier (hundred, dozen), 4 a
// large scale (thousand and above). It is a switch on length so that the
// many words in the main loop that are not numbers cost a few comparisons.
func spelledValue(w []byte) (float64, int) {
	switch len(w) {
	case 3:
		switch string(w) {
		case "one":
			return 1, 1
		case "two":
			return 2, 1
		case "six":
			return 6, 1
		case "ten":
			return 10, 1
		}
	case 4:
		switch string(w) {
		case "four":
			return 4, 1
		case "five":
			return 5, 1
		case "nine":
			return 9, 1
		}
	case 5:
		switch string(w) {
		case "three":
			return 3, 1
		case "seven":
			return 7, 1
		case "eight":
			return 8, 1
		case "forty":
			return 40, 2
		case "fifty":
			return 50, 2
		case "sixty":
			return 60, 2
		case "dozen":
			return 12, 3
		}
	case 6:
		switch string(w) {
		case "eleven":
			return 11, 1
		case "twelve":
			return 12, 1
		case "twenty":
			return 20, 2
		case "thirty":
			return 30, 2
		case "eighty":
			return 80, 2
		case "ninety":
			return 90, 2
		}
	case 7:
		switch string(w) {
		case "fifteen":
			return 15, 1
		case "sixteen":
			return 16, 1
		case "seventy":
			return 70, 2
		case "hundred":
			return 100, 3
		case "million":
			return 1e6, 4
		case "billion":
			return 1e9, 4
		}
	case 8:
		switch string(w) {
		case "thirteen":
			return 13, 1
		case "fourteen":
			return 14, 1
		case "eighteen":
			return 18, 1
		case "nineteen":
			return 19, 1
		case "thousand":
			return 1e3, 4
		case "trillion":
			return 1e12, 4
		}
	case 9:
		if string(w) == "seventeen" {
			return 17, 1
		}
	}
	return 0, 0
}

// fractions are the denominators of spelled fractions ("two-thirds").
var fractions = map[string]float64{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
	"fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}

// scaleWords multiply the number before them when they follow it as a word.
var scaleWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}

// scaleSuffixes multiply the number they are attached to ("1.2bn", "20k").
var scaleSuffixes = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}

// currencyPrefixes are the letters that may come before "$", by code.
var currencyPrefixes = map[string]string{
	"": "USD", "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "CAN": "CAD",
	"HK": "HKD", "NZ": "NZD", "S": "SGD", "R": "BRL", "MX": "MXN", "NT": "TWD",
}

// currencySymbols are the currency signs other than "$".
var currencySymbols = map[rune]string{'£': "GBP", '€': "EUR", '¥': "JPY", '₹': "INR", '₽': "RUB", '₩': "KRW", '₪': "ILS"}

// currencyWords name a currency after the number ("5 euros").
var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
	"sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
	"rupee": "INR", "roubles": "RUB", "rubles": "RUB", "pesos": "MXN", "francs": "CHF", "shekels": "ILS",
	"riyals": "SAR", "dinars": "IQD", "lira": "TRY", "won": "KRW", "rand": "ZAR",
}

// currencyNations name the dollar (or other currency) before a currency
// word ("New Zealand dollars").
var currencyNations = map[string]string{
	"us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD", "new zealand": "NZD",
	"hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "zimbabwean": "ZWL",
	"swiss": "CHF", "indian": "INR", "pakistani": "PKR", "russian": "RUB", "mexican": "MXN", "chinese": "CNY",
}

// durationUnits are the units of a duration, by their singular.
var durationUnits = map[string]string{
	"second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
	"hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
	"fortnights": "fortnight", "month": "month", "months": "month", "year": "year", "years": "year",
	"decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}

// measureUnits are the other units, written as words or attached to the
// digits ("40km").
var measureUnits = map[string]string{
	"km": "km", "kms": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
	"mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
	"foot": "ft", "feet": "ft", "ft": "ft", "inch": "inch", "inches": "inch", "yard": "yard", "yards": "yard",
	"kg": "kg", "kilos": "kg", "kilograms": "kg", "kilogrammes": "kg", "gram": "g", "grams": "g",
	"tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "pound": "lb", "pounds": "lb",
	"lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz",
	"litre": "l", "litres": "l", "liter": "l", "liters": "l", "gallon": "gallon", "gallons": "gallon",
	"barrel": "barrel", "barrels": "barrel", "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha",
	"degree": "degree", "degrees": "degree", "mph": "mph", "kph": "km/h", "kmh": "km/h", "knots": "knot",
	"mw": "MW", "megawatts": "MW", "gw": "GW", "gigawatts": "GW", "kw": "kW", "kilowatts": "kW",
	"kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "watts": "W",
}

// stopWords end a counted noun phrase: function words, adverbs of time and
// degree, and the words that introduce the next clause.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range splitWords(`a about above after again against all also am an and any are as at be because
been before being below between both but by can cannot could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself me more most my no nor
not of off on once only or other our out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where which while who
whom why will with would you your said says say just like may might must shall also still now already again
per ago earlier later last next old more less fewer each apiece respectively total altogether including
according versus vs compared against every whose yet ever even nearly almost about around roughly instead
percent pct cent times year-old years-old aged age ages across among amid toward towards via within without
upon onto whether since though although unless than plus minus
depends remains seems appears means includes continues believes thinks knows suggests gets makes takes comes
goes wants needs tends seeks`) {
		m[w] = true
	}
	return m
}()

// pluralHeads are counted nouns that are plural without a final "s", and
// words that head a count on their own ("15 injured").
var pluralHeads = map[string]bool{
	"people": true, "personnel": true, "police": true, "children": true, "men": true, "women": true,
	"staff": true, "crew": true, "cattle": true, "sheep": true, "aircraft": true, "fish": true, "deer": true,
	"infantry": true, "clergy": true, "livestock": true, "poultry": true, "offspring": true, "militia": true,
	"dead": true, "injured": true, "wounded": true, "missing": true, "displaced": true, "homeless": true,
	"unemployed": true, "faithful": true, "elderly": true, "youth": true, "geese": true, "mice": true,
	"teeth": true, "spacecraft": true, "swine": true, "species": true, "series": true,
}

// pluralModifiable are the plural nouns without a final "s" that may follow
// another plural noun in a counted phrase ("police personnel").
var pluralModifiable = map[string]bool{"personnel": true, "staff": true, "crew": true, "aircraft": true}

// indexNouns are lower-case words after which a number is a label, not an
// amount ("page 5", "room 101", "flight 370").
var indexNouns = map[string]bool{
	"page": true, "pages": true, "chapter": true, "section": true, "article": true, "paragraph": true,
	"clause": true, "room": true, "number": true, "no": true, "nos": true, "flight": true, "route": true,
	"highway": true, "interstate": true, "level": true, "category": true, "phase": true, "stage": true,
	"round": true, "version": true, "size": true, "grade": true, "platform": true, "gate": true, "district": true,
	"ward": true, "precinct": true, "item": true, "rule": true, "step": true, "episode": true, "season": true,
	"game": true, "act": true, "verse": true, "line": true, "column": true, "exhibit": true,
	"proposition": true, "prop": true, "amendment": true, "bill": true, "resolution": true, "code": true,
	"tier": true, "lane": true, "suite": true, "apartment": true, "appendix": true, "part": true,
	"division": true, "vol": true, "volume": true, "issue": true, "p": true, "pp": true, "ch": true,
	"sec": true, "art": true,
}

// timeWords after a number make it a clock time ("10 am", "9 GMT").
var timeWords = map[string]bool{
	"am": true, "pm": true, "gmt": true, "bst": true, "utc": true, "est": true, "edt": true, "pst": true,
	"pdt": true, "cst": true, "cdt": true, "et": true, "pt": true, "ct": true, "cet": true, "cest": true,
	"hrs": true, "o'clock": true,
}

// months are month names and their abbreviations.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// splitWords splits a word list on white space.
func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// entry is everything the scanner knows about a lower-case word, so that a
// word costs one map look-up.
type entry struct {
	stop, month, time, pluralHead, pluralMod bool
	scale                                    float64 // the multiplier of a scale word after a number
	currency, duration, measure              string
}

// lex indexes the word lists above.
var lex = func() map[string]*entry {
	m := map[string]*entry{}
	get := func(w string) *entry {
		if e := m[w]; e != nil {
			return e
		}
		e := &entry{}
		m[w] = e
		return e
	}
	for w := range stopWords {
		get(w).stop = true
	}
	for w := range months {
		get(w).month = true
	}
	for w := range timeWords {
		get(w).time = true
	}
	for w, ok := range pluralHeads {
		get(w).pluralHead = ok
	}
	for w := range pluralModifiable {
		get(w).pluralMod = true
	}
	for w, f := range scaleWords {
		get(w).scale = f
	}
	for w, c := range currencyWords {
		get(w).currency = c
	}
	for w, u := range durationUnits {
		get(w).duration = u
	}
	for w, u := range measureUnits {
		get(w).measure = u
	}
	return m
}()

// noEntry is the entry of a word in no list.
var noEntry entry

// look returns the entry of a lower-case word.
func look(w []byte) *entry {
	if e := lex[string(w)]; e != nil {
		return e
	}
	return &noEntry
}

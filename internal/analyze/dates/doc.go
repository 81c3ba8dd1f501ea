// Package dates is analysis stage 5: it finds the dates an article
// mentions and resolves them to ISO 8601 values.
//
// Absolute dates: "21 October 2011", "Oct. 21, 2011" and "2011-10-21" give
// a day ("2011-10-21"); "October 2011" and "March 2003" a month
// ("2003-03"); a bare year after a preposition ("in 2008", "since 2003",
// "by 2020") a year ("2008"); a year range written "2006-2007" the ISO
// interval "2006/2007". A day and month without a year ("October 21",
// "21 Oct") take the year that puts them nearest the publication date and
// are Relative.
//
// Relative dates (Relative true), resolved against the publication date:
//
//   - a weekday ("on Friday", "Friday") is the most recent such day on or
//     before the publication date: news mostly reports what has happened,
//     and "on Friday" in a Friday article is that day. "last Friday" is the
//     one strictly before, "next Friday" the one strictly after;
//   - "yesterday", "today", "tomorrow" give a day;
//   - "this/last/next week" give an ISO week ("2011-W42");
//   - "this/last/next month" ("earlier this month") give a month ("2011-09");
//   - "this/last/next year" give a year ("2012").
//
// A possessive belongs to the date ("Friday's vote", "last week's
// debate"); a possessive year is most often a decade ("the 1990's") and is
// none. Without a publication date relative dates keep an empty Value.
// Names that look like dates are skipped: a capitalised weekday, "Today"
// or "This Week" after a capitalised word inside a sentence ("Super
// Tuesday", "USA TODAY", "ABC's This Week"), a weekday between a
// possessive and a capital ("NBC's Saturday Night Live"), and "X's last
// year".
//
// A date lies inside one sentence. The stage reads the document's token
// stream (internal/token) and sentences: month and weekday names are the
// lexicon's lists (internal/lexicon, months.txt and weekdays.txt), as are
// the prepositions that make a number a year (year-prepositions.txt). It
// is a hand-written reader of those tokens, not a regular expression or a
// date-parsing library (go-dateparser is in go.mod): it runs on every
// article, and such a parser costs far more than the stage's budget.
package dates

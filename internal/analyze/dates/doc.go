// Package dates finds the dates an article mentions (analysis stage 5):
// absolute ones ("21 October 2011", "Oct. 21, 2011", "March 2003",
// "2011-10-21", "in 2008") and ones relative to the article's publication
// date ("on Friday", "yesterday", "last month", "next year"), resolved to
// ISO 8601 at day, month or year precision.
//
// Weekday names are read as the most recent such day on or before the
// publication date (news mostly reports what has happened; "on Friday" in a
// Friday article is that day). Without a publication date relative dates
// keep an empty Value.
//
// It is a hand-written scanner over the shared word tokenizer: a general
// date-parsing library costs far more than this stage's budget.
package dates

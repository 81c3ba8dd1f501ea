-- Version 5: a comparison's report (often hundreds of kilobytes of JSON)
-- moves to a table of its own. In comparisons it stood before the small
-- columns the story list reads, so every listed row walked the report's
-- overflow pages to reach its title and counts: 27 ms for one page of 20
-- stories with 88k articles stored.
CREATE TABLE comparison_reports (
	story_id TEXT PRIMARY KEY REFERENCES comparisons (story_id) ON DELETE CASCADE,
	report   TEXT NOT NULL  -- JSON, the schema of compare --format json
);
INSERT INTO comparison_reports (story_id, report) SELECT story_id, report FROM comparisons;
UPDATE comparisons SET report = '';

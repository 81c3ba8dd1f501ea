-- Version 3: stories carry a version, and their computed comparisons are
-- stored with the version they were computed for, the summary the story
-- list sorts and filters on, and each outlet's part in the story.
--
-- A story's version goes up whenever an article joins or leaves it, or its
-- title or closed state changes (triggers: the writers need not know).
-- A comparison whose version is below its story's is stale; the desk's
-- Recomputer finds those and computes them again.
--
-- Version 1's comparisons table was never written by any build; it is
-- replaced by one with the version and the summary columns.

ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET version = 1;

CREATE TRIGGER story_members_version_insert AFTER INSERT ON story_members BEGIN
	UPDATE stories SET version = version + 1 WHERE id = new.story_id;
END;

CREATE TRIGGER story_members_version_move AFTER UPDATE OF story_id ON story_members
WHEN old.story_id != new.story_id BEGIN
	UPDATE stories SET version = version + 1 WHERE id IN (old.story_id, new.story_id);
END;

CREATE TRIGGER story_members_version_delete AFTER DELETE ON story_members BEGIN
	UPDATE stories SET version = version + 1 WHERE id = old.story_id;
END;

CREATE TRIGGER stories_version_update AFTER UPDATE OF title, closed ON stories
WHEN old.title != new.title OR old.closed != new.closed BEGIN
	UPDATE stories SET version = version + 1 WHERE id = new.id;
END;

DROP TABLE comparisons;

CREATE TABLE comparisons (
	story_id    TEXT    PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
	version     INTEGER NOT NULL,  -- stories.version it was computed for
	report      TEXT    NOT NULL,  -- JSON, the schema of compare --format json
	title       TEXT    NOT NULL DEFAULT '',
	outlets     TEXT    NOT NULL DEFAULT '[]', -- JSON array of the distinct outlets, in order of first appearance
	n_outlets   INTEGER NOT NULL,
	n_articles  INTEGER NOT NULL,
	first       INTEGER NOT NULL DEFAULT 0,   -- Unix seconds of the first dated member, 0 when none
	last        INTEGER NOT NULL DEFAULT 0,   -- of the last
	computed_at INTEGER NOT NULL DEFAULT (unixepoch())
);
-- The story list: by number of outlets, then recency.
CREATE INDEX comparisons_rank ON comparisons (n_outlets DESC, last DESC, story_id);

CREATE TABLE story_outlets (
	story_id TEXT    NOT NULL REFERENCES comparisons (story_id) ON DELETE CASCADE,
	outlet   TEXT    NOT NULL,
	articles INTEGER NOT NULL,
	omitted  TEXT    NOT NULL DEFAULT '[]', -- JSON array: texts of the shared facts none of its articles report
	PRIMARY KEY (story_id, outlet)
) WITHOUT ROWID;
CREATE INDEX story_outlets_outlet ON story_outlets (outlet, story_id);

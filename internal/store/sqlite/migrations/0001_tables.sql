-- Version 1: the desk's tables. Times are Unix seconds unless named
-- otherwise; publication times are RFC 3339 text, '' when unknown.

CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT    NOT NULL UNIQUE,
	title         TEXT    NOT NULL DEFAULT '',
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	next_check_at INTEGER NOT NULL DEFAULT 0,
	checked_at    INTEGER NOT NULL DEFAULT 0,
	error_count   INTEGER NOT NULL DEFAULT 0, -- failures in a row
	last_error    TEXT    NOT NULL DEFAULT '',
	created_at    INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX feeds_due ON feeds (next_check_at);

CREATE TABLE articles (
	id         INTEGER PRIMARY KEY,
	input_id   TEXT    NOT NULL,             -- the input's id (news.Article.ID)
	source     TEXT    NOT NULL DEFAULT '',
	url        TEXT    NOT NULL DEFAULT '',  -- canonical (desk.CanonicalURL)
	title      TEXT    NOT NULL DEFAULT '',
	standfirst TEXT    NOT NULL DEFAULT '',
	author     TEXT    NOT NULL DEFAULT '',
	language   TEXT    NOT NULL DEFAULT '',
	published  TEXT    NOT NULL DEFAULT '',
	origin     TEXT    NOT NULL DEFAULT '',
	raw        BLOB,                         -- the page or text as fetched, when kept
	text       TEXT    NOT NULL,             -- the cleaned body
	text_hash  BLOB    NOT NULL UNIQUE,      -- desk.TextHash
	analysis   TEXT    NOT NULL DEFAULT '{}', -- JSON: sentences, entities, quotes, quantities, dates
	feed_id    INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
	stored_at  INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url != '';

CREATE TABLE stories (
	id         TEXT    PRIMARY KEY,
	title      TEXT    NOT NULL DEFAULT '',
	outlets    TEXT    NOT NULL DEFAULT '[]', -- JSON array, in order of arrival
	first      TEXT    NOT NULL DEFAULT '',
	last       TEXT    NOT NULL DEFAULT '',
	closed     INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE story_members (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	story_id   TEXT    NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id, pos);

CREATE TABLE assignments (
	article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	story_id    TEXT    NOT NULL,
	final       INTEGER NOT NULL DEFAULT 0,
	detail      TEXT    NOT NULL,  -- JSON: cluster.Assignment with its explanation
	assigned_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE comparisons (
	story_id    TEXT    PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
	members     INTEGER NOT NULL,  -- the story's size when computed
	report      TEXT    NOT NULL,  -- JSON, the schema of compare --format json
	computed_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE fetch_log (
	id          INTEGER PRIMARY KEY,
	feed_id     INTEGER REFERENCES feeds (id) ON DELETE CASCADE,
	url         TEXT    NOT NULL,
	at          INTEGER NOT NULL,
	status      INTEGER NOT NULL DEFAULT 0,
	bytes       INTEGER NOT NULL DEFAULT 0,
	items       INTEGER NOT NULL DEFAULT 0,
	duration_ms INTEGER NOT NULL DEFAULT 0,
	error       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX fetch_log_feed ON fetch_log (feed_id, at);

CREATE TABLE cluster_state (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	state    BLOB    NOT NULL,
	saved_at INTEGER NOT NULL DEFAULT (unixepoch())
);

-- Version 4: what the poller needs besides version 1's feeds and
-- fetch_log tables. A feed keeps its last HTTP status; feed_items is the
-- queue of the pages a feed linked to: a check queues every item not seen
-- before (by feed and URL), and each poll takes a few of each feed's
-- pending items in turns, so a feed of 10,000 links is read over many
-- polls and never starves the others. An item is 'done' once its page was
-- read (or its feed text used), 'failed' after the poller gave up on it.

ALTER TABLE feeds ADD COLUMN last_status INTEGER NOT NULL DEFAULT 0;

CREATE TABLE feed_items (
	id        INTEGER PRIMARY KEY,
	feed_id   INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
	url       TEXT    NOT NULL,
	guid      TEXT    NOT NULL DEFAULT '',
	title     TEXT    NOT NULL DEFAULT '',
	author    TEXT    NOT NULL DEFAULT '',
	published TEXT    NOT NULL DEFAULT '',  -- RFC 3339, '' when unknown
	text      TEXT    NOT NULL DEFAULT '',  -- the feed's own content or summary, as text
	language  TEXT    NOT NULL DEFAULT '',
	state     TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
	attempts  INTEGER NOT NULL DEFAULT 0,
	last_error TEXT   NOT NULL DEFAULT '',
	seen_at   INTEGER NOT NULL,
	done_at   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (feed_id, url)
);
CREATE INDEX feed_items_pending ON feed_items (feed_id, id) WHERE state = 'pending';

CREATE INDEX fetch_log_at ON fetch_log (at);

-- Version 2: full-text search over titles and texts (FTS5, external
-- content: the index holds no second copy of the text), built for the
-- articles a version 1 file already holds. New articles are indexed by
-- Tx.Commit, all of a transaction's in one statement (a trigger would
-- write them one by one, and FTS5 flushes its buffer at every statement);
-- triggers keep the index in step with updates and deletes.

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

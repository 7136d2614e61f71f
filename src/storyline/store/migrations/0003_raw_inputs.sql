-- Every raw input already taken in (a hash of its source, metadata and bytes), so a re-run or
-- a restart after a crash skips it without cleaning it again. Written in the same
-- transaction as the chunk that stored its article.
CREATE TABLE raw_inputs (
    key         TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id)
);

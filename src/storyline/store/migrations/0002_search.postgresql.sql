-- Full-text search over titles and cleaned text: PostgreSQL's variant of 0002_search.sql
-- (SQLite uses an FTS5 table there). A stored tsvector column, kept up to date by the
-- database itself, with a GIN index. The 'simple' configuration lower-cases words and
-- neither stems nor drops stop words, like FTS5's default tokenizer, so one query finds
-- the same articles on both backends. Title words weigh more than text words in the rank.
-- Only the first 200,000 characters of a text are indexed: a tsvector is limited to 1 MB.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('simple', left(text, 200000)), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);

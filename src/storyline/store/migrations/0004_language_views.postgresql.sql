-- PostgreSQL variant of 0004_language_views.sql (jsonb instead of SQLite's json functions).
-- Each article's byline (as its input named the authors) and language (ISO 639-1, detected).
ALTER TABLE articles ADD COLUMN byline TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;

-- Read-only views, so the database file opens usefully in Datasette or any SQL tool. They
-- read what is stored: the articles, stories and duplicates, and the facts cache (JSON per
-- article and extractor, unpacked with jsonb_array_elements). Claims and conflicts are
-- computed per report and not stored: `storyline export` writes them.
CREATE VIEW current_articles AS
    SELECT id, source, url, outlet, published, title, byline, language, story_id,
           duplicate_of, version, ingested_at, length(text) AS n_chars, text
    FROM articles WHERE is_current = 1;

CREATE VIEW story_articles AS
    SELECT s.id AS story_id, s.title AS story_title, a.id AS article_id, a.outlet,
           a.published, a.title, a.language, a.duplicate_of
    FROM stories s JOIN articles a ON a.story_id = s.id AND a.is_current = 1;

CREATE VIEW duplicates AS
    SELECT id AS article_id, duplicate_of, dup_kind AS kind, dup_score AS score
    FROM articles WHERE duplicate_of IS NOT NULL AND is_current = 1;

CREATE VIEW quotes AS
    SELECT f.extractor, f.article_id,
           (q.value ->> 'text') AS text,
           (q.value ->> 'speaker') AS speaker,
           (q.value ->> 'speaker_entity') AS speaker_entity,
           (q.value ->> 'speaker_role') AS speaker_role,
           (q.value ->> 'kind') AS kind,
           (q.value -> 'cite' ->> 'article') AS cite_article,
           (q.value -> 'cite' ->> 'start')::int AS cite_start,
           (q.value -> 'cite' ->> 'end')::int AS cite_end
    FROM facts f, jsonb_array_elements(f.data::jsonb -> 'quotes') AS q(value);

CREATE VIEW quantities AS
    SELECT f.extractor, f.article_id,
           (q.value ->> 'subject') AS subject,
           (q.value ->> 'measure') AS measure,
           (q.value ->> 'value')::double precision AS value,
           (q.value ->> 'low')::double precision AS low,
           (q.value ->> 'high')::double precision AS high,
           (q.value ->> 'hedge') AS hedge,
           (q.value ->> 'text') AS text,
           (q.value -> 'cite' ->> 'article') AS cite_article,
           (q.value -> 'cite' ->> 'start')::int AS cite_start,
           (q.value -> 'cite' ->> 'end')::int AS cite_end
    FROM facts f, jsonb_array_elements(f.data::jsonb -> 'quantities') AS q(value);

CREATE VIEW entity_mentions AS
    SELECT f.extractor, f.article_id,
           (e.value ->> 'id') AS entity_id,
           (e.value ->> 'name') AS name,
           (e.value ->> 'type') AS type,
           (m.value ->> 'article') AS cite_article,
           (m.value ->> 'start')::int AS cite_start,
           (m.value ->> 'end')::int AS cite_end
    FROM facts f, jsonb_array_elements(f.data::jsonb -> 'entities') AS e(value),
         jsonb_array_elements(e.value -> 'mentions') AS m(value);

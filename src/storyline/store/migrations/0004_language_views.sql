-- Each article's byline (as its input named the authors) and language (ISO 639-1, detected).
ALTER TABLE articles ADD COLUMN byline TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;

-- Read-only views, so the database file opens usefully in Datasette or any SQL tool. They
-- read what is stored: the articles, stories and duplicates, and the facts cache (JSON per
-- article and extractor, unpacked with json_each). Claims and conflicts are computed per
-- report and not stored: `storyline export` writes them.
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
           json_extract(q.value, '$.text') AS text,
           json_extract(q.value, '$.speaker') AS speaker,
           json_extract(q.value, '$.speaker_entity') AS speaker_entity,
           json_extract(q.value, '$.speaker_role') AS speaker_role,
           json_extract(q.value, '$.kind') AS kind,
           json_extract(q.value, '$.cite.article') AS cite_article,
           json_extract(q.value, '$.cite.start') AS cite_start,
           json_extract(q.value, '$.cite.end') AS cite_end
    FROM facts f, json_each(f.data, '$.quotes') q;

CREATE VIEW quantities AS
    SELECT f.extractor, f.article_id,
           json_extract(q.value, '$.subject') AS subject,
           json_extract(q.value, '$.measure') AS measure,
           json_extract(q.value, '$.value') AS value,
           json_extract(q.value, '$.low') AS low,
           json_extract(q.value, '$.high') AS high,
           json_extract(q.value, '$.hedge') AS hedge,
           json_extract(q.value, '$.text') AS text,
           json_extract(q.value, '$.cite.article') AS cite_article,
           json_extract(q.value, '$.cite.start') AS cite_start,
           json_extract(q.value, '$.cite.end') AS cite_end
    FROM facts f, json_each(f.data, '$.quantities') q;

CREATE VIEW entity_mentions AS
    SELECT f.extractor, f.article_id,
           json_extract(e.value, '$.id') AS entity_id,
           json_extract(e.value, '$.name') AS name,
           json_extract(e.value, '$.type') AS type,
           json_extract(m.value, '$.article') AS cite_article,
           json_extract(m.value, '$.start') AS cite_start,
           json_extract(m.value, '$.end') AS cite_end
    FROM facts f, json_each(f.data, '$.entities') e, json_each(e.value, '$.mentions') m;

-- Articles: one row per stored version of an article. The id is derived from the cleaned text.
CREATE TABLE articles (
    id              TEXT PRIMARY KEY,
    source          TEXT NOT NULL,
    url             TEXT,
    outlet          TEXT,
    published       TEXT,
    published_from  TEXT,
    title           TEXT NOT NULL,
    title_inferred  INTEGER NOT NULL DEFAULT 0,
    text            TEXT NOT NULL,
    raw             TEXT NOT NULL,
    headings        TEXT NOT NULL DEFAULT '[]',   -- JSON [[start, end], ...]
    ingested_at     TEXT NOT NULL,
    seq             INTEGER NOT NULL,             -- ingest order, for "earliest" ties
    version         INTEGER NOT NULL DEFAULT 1,
    supersedes      TEXT REFERENCES articles(id),
    is_current      INTEGER NOT NULL DEFAULT 1,   -- 0 once a newer version at the same source exists
    duplicate_of    TEXT REFERENCES articles(id),
    dup_kind        TEXT,
    dup_score       REAL,
    story_id        TEXT
);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_story ON articles(story_id);
CREATE UNIQUE INDEX articles_seq ON articles(seq);

-- Every place an identical text was seen (syndicated exact copies share one row above).
CREATE TABLE article_sources (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    source      TEXT NOT NULL,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, source)
);

-- What the dedup and cluster indexes need to be rebuilt without re-hashing or re-embedding.
CREATE TABLE signatures (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    minhash     BLOB,
    embedder    TEXT,
    vector      BLOB,
    terms       TEXT NOT NULL DEFAULT '[]'        -- JSON list of entity-like terms
);

CREATE TABLE stories (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    first_seen     TEXT,
    last_seen      TEXT,
    n_articles     INTEGER NOT NULL,
    n_independent  INTEGER NOT NULL,
    updated_at     TEXT NOT NULL
);

-- Extraction results cached per article and extractor version (JSON of ArticleFacts).
CREATE TABLE facts (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    extractor   TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (article_id, extractor)
);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    n_added     INTEGER NOT NULL DEFAULT 0,
    n_skipped   INTEGER NOT NULL DEFAULT 0,
    n_errors    INTEGER NOT NULL DEFAULT 0
);

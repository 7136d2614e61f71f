-- One row that every commit of the pipeline bumps in its write transaction. A writer
-- (another process, or another engine in this one) compares it, under the write lock,
-- with the value of its own last commit: when they differ, someone else wrote since, and
-- its in-memory dedup and story indexes are rebuilt from the stored signatures first.
CREATE TABLE writer_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    generation  INTEGER NOT NULL
);
INSERT INTO writer_state (id, generation) VALUES (1, 0);

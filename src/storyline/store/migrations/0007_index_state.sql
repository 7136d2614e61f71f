-- The story index's state that is not a function of the assignments alone, so a rebuilt
-- index (a restart, another writer) is the running one, not an approximation of it.
--
-- signatures.weighed_at: the number of indexed articles (in ingest order) whose document
-- frequencies weighed this article's terms last. NULL: weighed when it was added, at its
-- own place in ingest order. Written in the transaction that
-- stores the assignments the weights led to.
--
-- writer_state.settled_seq: every article with ``seq`` up to it was settled by the
-- end-of-run settle (``Commit._settle_run``). A run that dies before its settle leaves it
-- behind, so the next run settles those articles too, as one uninterrupted run would.
ALTER TABLE signatures ADD COLUMN weighed_at INTEGER;
ALTER TABLE writer_state ADD COLUMN settled_seq INTEGER NOT NULL DEFAULT 0;
-- a store made before this migration: what it holds counts as settled
UPDATE writer_state SET settled_seq = (SELECT COALESCE(MAX(seq), 0) FROM articles) WHERE id = 1;

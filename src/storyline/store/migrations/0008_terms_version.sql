-- The version of ``stages/prepare/terms.article_terms`` that computed the stored cluster
-- terms (``signatures.terms``; ``terms.TERMS_VERSION``). NULL: unknown, for a store made
-- before this migration (and an empty store until its first commit claims the version).
-- A store whose terms are not the code's is clustered with them until ``recluster``
-- computes them again, as a clean run would.
ALTER TABLE writer_state ADD COLUMN terms_version TEXT;

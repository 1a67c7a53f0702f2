-- The scope a document was read in (extract.scope: 'all' kinds of event, or 'violence' only). A document is
-- read once; a later ingest in another scope finds it known and says its scope, rather than silently adding
-- none of the kinds the first reading left out. Ledgers made before scopes read everything: 'all'.
ALTER TABLE documents ADD COLUMN scope TEXT NOT NULL DEFAULT 'all';

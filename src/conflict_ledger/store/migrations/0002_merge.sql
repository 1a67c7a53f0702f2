-- Cross-document merging, casualty reconciliation, event history and review decisions.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'rejected', 'merged'));
ALTER TABLE events ADD COLUMN review_status TEXT NOT NULL DEFAULT 'unreviewed'
    CHECK (review_status IN ('unreviewed', 'accepted', 'edited'));
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN merged_into TEXT REFERENCES events (id);
ALTER TABLE events ADD COLUMN fatalities_conservative INTEGER;
ALTER TABLE events ADD COLUMN injuries_conservative INTEGER;
-- {"fatalities": {"best": [{"doc_id", "sources", "figure"}], "low": [...], ...}, "injuries": {...}}
ALTER TABLE events ADD COLUMN figure_sources TEXT NOT NULL DEFAULT '{}';
-- fields set by review (field -> value); they win over what the reports say
ALTER TABLE events ADD COLUMN edits TEXT NOT NULL DEFAULT '{}';
-- the merge profile: pooled dates, places, types, actors, figures and words of the event's reports
ALTER TABLE events ADD COLUMN profile TEXT;
CREATE INDEX events_status ON events (status, review_status);

-- why a mention is where it is: the pair score against the event it joined (or the best it did not)
ALTER TABLE mentions ADD COLUMN merge_reasons TEXT;
ALTER TABLE mentions ADD COLUMN profile TEXT;
ALTER TABLE mentions ADD COLUMN placed_by TEXT NOT NULL DEFAULT 'merge';

-- blocking index: candidate events for a new mention come from these keys only (date x cell, ...),
-- each stored as a 64-bit hash of its text (merge/ledger.py key_hash). One B-tree, appended to in
-- `seq` order: an event filed again under a key gets a newer row; readers take the newest rows
-- and skip events that were merged away.
CREATE TABLE merge_keys (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (key, seq, event_id)
) WITHOUT ROWID;

-- document frequencies of words, for weighting evidence text (updated per document)
CREATE TABLE term_stats (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE merge_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO merge_state (name, value) VALUES ('documents', 0), ('seq', 0);
-- events stored before merging existed: given profiles, keys and a first version on the next ingest
INSERT INTO merge_state (name, value) SELECT 'legacy_events', count(*) FROM events;

-- every version of every event: a snapshot with the same columns the event list reads
CREATE TABLE event_versions (
    event_id TEXT NOT NULL REFERENCES events (id),
    version INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('new_report', 'new_figure', 'manual_edit', 'split', 'merge', 'accept',
                                           'reject')),
    who TEXT,
    note TEXT,
    status TEXT NOT NULL,
    review_status TEXT NOT NULL,
    event_date TEXT,
    date_precision TEXT,
    event_type TEXT,
    sub_event_type TEXT,
    actor1 TEXT,
    assoc_actor_1 TEXT,
    actor2 TEXT,
    assoc_actor_2 TEXT,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    location TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER,
    fatalities INTEGER,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    injuries INTEGER,
    injuries_low INTEGER,
    injuries_high INTEGER,
    fatalities_conservative INTEGER,
    injuries_conservative INTEGER,
    sources TEXT NOT NULL DEFAULT '[]',
    confidence REAL,
    doc_ids TEXT NOT NULL DEFAULT '[]',
    detail TEXT,
    PRIMARY KEY (event_id, version)
);
CREATE INDEX event_versions_time ON event_versions (changed_at);

-- review decisions: who decided what, when; replayed by later merging
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit', 'split', 'merge')),
    event_id TEXT NOT NULL REFERENCES events (id),
    who TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    note TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX decisions_event ON decisions (event_id);

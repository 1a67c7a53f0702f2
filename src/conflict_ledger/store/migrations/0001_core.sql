-- The core ledger: documents, event mentions with evidence, ledger events, tally claims.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    published TEXT,
    title TEXT,
    url TEXT,
    source TEXT,
    path TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
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
    sources TEXT NOT NULL DEFAULT '[]',
    confidence REAL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_country_date ON events (country, event_date);
CREATE INDEX events_type_date ON events (event_type, event_date);
CREATE INDEX events_actor1 ON events (actor1);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    event_id TEXT REFERENCES events (id),
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
    sources TEXT NOT NULL DEFAULT '[]',
    confidence REAL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    UNIQUE (doc_id, ordinal)
);
CREATE INDEX mentions_event ON mentions (event_id);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    count INTEGER,
    counted TEXT,
    since TEXT,
    until TEXT,
    attributed_to TEXT,
    injuries INTEGER,
    fatalities INTEGER,
    UNIQUE (doc_id, ordinal)
);

-- Where each value came from: a span of a document, for a mention field or a claim field.
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    mention_id INTEGER REFERENCES mentions (id) ON DELETE CASCADE,
    claim_id INTEGER REFERENCES claims (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    CHECK ((mention_id IS NULL) <> (claim_id IS NULL)),
    CHECK (end >= start)
);
CREATE INDEX evidence_mention ON evidence (mention_id);
CREATE INDEX evidence_claim ON evidence (claim_id);

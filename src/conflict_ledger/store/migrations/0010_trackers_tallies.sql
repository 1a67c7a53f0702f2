-- Trackers (saved queries) and per-day tallies for fast counts over large ledgers.
--
-- Four summary tables hold, per day, the number of events and their casualty sums: over all
-- events (event_day_totals), per country (event_country_days), per event/sub-event type
-- (event_type_days), and per country and type (event_tallies). Triggers on `events` keep them
-- exact inside the writing transaction; a tally whose filter touches only dates, countries and
-- types reads the smallest table that has its dimensions (query/tally.py). Unknown keys are ''
-- (the keys cannot be null). Casualty sums per event:
--   best = the stated best figure, else the low end of a range; low = the low end, else the best;
--   high = the high end, else the best; open = 1 when a low is known but no high ("at least 34").

CREATE TABLE trackers (
    name TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    definition TEXT NOT NULL,   -- JSON: the filter, the series step, the claim wordings it answers
    origin TEXT,                -- the file it was loaded from, or 'command'
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Tracker counts: by country and date (covering the columns trackers filter and sum on), or by
-- the targeted/attacking actor and date when the tracker names actors.
CREATE INDEX events_tracker ON events (country, event_date, event_type, sub_event_type, actor1, actor2, admin1,
    fatalities, fatalities_low, fatalities_high, injuries, injuries_low, injuries_high);
CREATE INDEX events_actor2_date ON events (actor2, event_date);
CREATE INDEX events_actor1_date ON events (actor1, event_date);
-- the covering index above and events_actor1_date start with the columns of these two
DROP INDEX events_country_date;
DROP INDEX events_actor1;

CREATE TABLE event_day_totals (
    event_date TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    fatalities_low INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    fatalities_open INTEGER NOT NULL,
    injuries INTEGER NOT NULL,
    injuries_low INTEGER NOT NULL,
    injuries_high INTEGER NOT NULL,
    injuries_open INTEGER NOT NULL,
    PRIMARY KEY (event_date)
) WITHOUT ROWID;

CREATE TABLE event_country_days (
    country TEXT NOT NULL,
    event_date TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    fatalities_low INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    fatalities_open INTEGER NOT NULL,
    injuries INTEGER NOT NULL,
    injuries_low INTEGER NOT NULL,
    injuries_high INTEGER NOT NULL,
    injuries_open INTEGER NOT NULL,
    PRIMARY KEY (country, event_date)
) WITHOUT ROWID;

CREATE TABLE event_type_days (
    sub_event_type TEXT NOT NULL,
    event_type TEXT NOT NULL,
    event_date TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    fatalities_low INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    fatalities_open INTEGER NOT NULL,
    injuries INTEGER NOT NULL,
    injuries_low INTEGER NOT NULL,
    injuries_high INTEGER NOT NULL,
    injuries_open INTEGER NOT NULL,
    PRIMARY KEY (sub_event_type, event_type, event_date)
) WITHOUT ROWID;

CREATE TABLE event_tallies (
    country TEXT NOT NULL,
    event_date TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_type TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    fatalities_low INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    fatalities_open INTEGER NOT NULL,
    injuries INTEGER NOT NULL,
    injuries_low INTEGER NOT NULL,
    injuries_high INTEGER NOT NULL,
    injuries_open INTEGER NOT NULL,
    PRIMARY KEY (country, event_date, sub_event_type, event_type)
) WITHOUT ROWID;

CREATE TRIGGER events_tallies_insert AFTER INSERT ON events
BEGIN
    INSERT INTO event_day_totals (event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.event_date, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (event_date) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
    INSERT INTO event_country_days (country, event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.country, ''), coalesce(new.event_date, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (country, event_date) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
    INSERT INTO event_type_days (sub_event_type, event_type, event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.sub_event_type, ''), coalesce(new.event_type, ''), coalesce(new.event_date, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (sub_event_type, event_type, event_date) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
    INSERT INTO event_tallies (country, event_date, sub_event_type, event_type, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.country, ''), coalesce(new.event_date, ''), coalesce(new.sub_event_type, ''), coalesce(new.event_type, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (country, event_date, sub_event_type, event_type) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
END;

CREATE TRIGGER events_tallies_delete AFTER DELETE ON events
BEGIN
    UPDATE event_day_totals SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE event_date = coalesce(old.event_date, '');
    DELETE FROM event_day_totals WHERE events = 0 AND event_date = coalesce(old.event_date, '');
    UPDATE event_country_days SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '');
    DELETE FROM event_country_days WHERE events = 0 AND country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '');
    UPDATE event_type_days SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '') AND event_date = coalesce(old.event_date, '');
    DELETE FROM event_type_days WHERE events = 0 AND sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '') AND event_date = coalesce(old.event_date, '');
    UPDATE event_tallies SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '');
    DELETE FROM event_tallies WHERE events = 0 AND country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '');
END;

CREATE TRIGGER events_tallies_update AFTER UPDATE OF event_date, country, event_type, sub_event_type, fatalities, fatalities_low, fatalities_high, injuries, injuries_low, injuries_high ON events
BEGIN
    UPDATE event_day_totals SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE event_date = coalesce(old.event_date, '');
    DELETE FROM event_day_totals WHERE events = 0 AND event_date = coalesce(old.event_date, '');
    UPDATE event_country_days SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '');
    DELETE FROM event_country_days WHERE events = 0 AND country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '');
    UPDATE event_type_days SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '') AND event_date = coalesce(old.event_date, '');
    DELETE FROM event_type_days WHERE events = 0 AND sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '') AND event_date = coalesce(old.event_date, '');
    UPDATE event_tallies SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, old.fatalities_low, 0), fatalities_low = fatalities_low - coalesce(old.fatalities_low, old.fatalities, 0), fatalities_high = fatalities_high - coalesce(old.fatalities_high, old.fatalities, 0), fatalities_open = fatalities_open - (old.fatalities_low IS NOT NULL AND old.fatalities_high IS NULL), injuries = injuries - coalesce(old.injuries, old.injuries_low, 0), injuries_low = injuries_low - coalesce(old.injuries_low, old.injuries, 0), injuries_high = injuries_high - coalesce(old.injuries_high, old.injuries, 0), injuries_open = injuries_open - (old.injuries_low IS NOT NULL AND old.injuries_high IS NULL)
    WHERE country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '');
    DELETE FROM event_tallies WHERE events = 0 AND country = coalesce(old.country, '') AND event_date = coalesce(old.event_date, '') AND sub_event_type = coalesce(old.sub_event_type, '') AND event_type = coalesce(old.event_type, '');
    INSERT INTO event_day_totals (event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.event_date, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (event_date) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
    INSERT INTO event_country_days (country, event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.country, ''), coalesce(new.event_date, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (country, event_date) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
    INSERT INTO event_type_days (sub_event_type, event_type, event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.sub_event_type, ''), coalesce(new.event_type, ''), coalesce(new.event_date, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (sub_event_type, event_type, event_date) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
    INSERT INTO event_tallies (country, event_date, sub_event_type, event_type, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
    VALUES (coalesce(new.country, ''), coalesce(new.event_date, ''), coalesce(new.sub_event_type, ''), coalesce(new.event_type, ''), 1, coalesce(new.fatalities, new.fatalities_low, 0), coalesce(new.fatalities_low, new.fatalities, 0), coalesce(new.fatalities_high, new.fatalities, 0), (new.fatalities_low IS NOT NULL AND new.fatalities_high IS NULL), coalesce(new.injuries, new.injuries_low, 0), coalesce(new.injuries_low, new.injuries, 0), coalesce(new.injuries_high, new.injuries, 0), (new.injuries_low IS NOT NULL AND new.injuries_high IS NULL))
    ON CONFLICT (country, event_date, sub_event_type, event_type) DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities, fatalities_low = fatalities_low + excluded.fatalities_low, fatalities_high = fatalities_high + excluded.fatalities_high, fatalities_open = fatalities_open + excluded.fatalities_open, injuries = injuries + excluded.injuries, injuries_low = injuries_low + excluded.injuries_low, injuries_high = injuries_high + excluded.injuries_high, injuries_open = injuries_open + excluded.injuries_open;
END;

INSERT INTO event_tallies (country, event_date, sub_event_type, event_type, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
SELECT coalesce(e.country, ''), coalesce(e.event_date, ''), coalesce(e.sub_event_type, ''), coalesce(e.event_type, ''), count(*), sum(coalesce(e.fatalities, e.fatalities_low, 0)), sum(coalesce(e.fatalities_low, e.fatalities, 0)), sum(coalesce(e.fatalities_high, e.fatalities, 0)), sum((e.fatalities_low IS NOT NULL AND e.fatalities_high IS NULL)), sum(coalesce(e.injuries, e.injuries_low, 0)), sum(coalesce(e.injuries_low, e.injuries, 0)), sum(coalesce(e.injuries_high, e.injuries, 0)), sum((e.injuries_low IS NOT NULL AND e.injuries_high IS NULL))
FROM events e GROUP BY 1, 2, 3, 4;
INSERT INTO event_day_totals (event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
SELECT event_date, sum(events), sum(fatalities), sum(fatalities_low), sum(fatalities_high), sum(fatalities_open), sum(injuries), sum(injuries_low), sum(injuries_high), sum(injuries_open)
FROM event_tallies GROUP BY event_date;
INSERT INTO event_country_days (country, event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
SELECT country, event_date, sum(events), sum(fatalities), sum(fatalities_low), sum(fatalities_high), sum(fatalities_open), sum(injuries), sum(injuries_low), sum(injuries_high), sum(injuries_open)
FROM event_tallies GROUP BY country, event_date;
INSERT INTO event_type_days (sub_event_type, event_type, event_date, events, fatalities, fatalities_low, fatalities_high, fatalities_open, injuries, injuries_low, injuries_high, injuries_open)
SELECT sub_event_type, event_type, event_date, sum(events), sum(fatalities), sum(fatalities_low), sum(fatalities_high), sum(fatalities_open), sum(injuries), sum(injuries_low), sum(injuries_high), sum(injuries_open)
FROM event_tallies GROUP BY sub_event_type, event_type, event_date;

-- The web table pages through events in date order (ORDER BY event_date, id ... LIMIT/OFFSET):
-- with this covering index a deep page skips index entries instead of sorting the whole ledger.
CREATE INDEX IF NOT EXISTS events_date_id ON events (event_date, id);

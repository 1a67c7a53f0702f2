-- Lists page through the active events in date order (WHERE status = 'active' ORDER BY event_date, id
-- LIMIT/OFFSET). With the status inside the date-order index, a deep page steps over index entries
-- only, instead of reading every skipped event's row to check its status.
CREATE INDEX IF NOT EXISTS events_date_id_status ON events (event_date, id, status);
DROP INDEX IF EXISTS events_date_id;

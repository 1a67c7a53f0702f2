-- Indexes for the web page (serve).
-- The table pages through events in date order (ORDER BY event_date, id ... LIMIT/OFFSET): with
-- this covering index a deep page skips index entries instead of sorting the whole ledger.
CREATE INDEX IF NOT EXISTS events_date_id ON events (event_date, id);
-- The filter choices count events per region.
CREATE INDEX IF NOT EXISTS events_admin1 ON events (admin1);
-- A click on a map point lists the events in that grid cell (a latitude/longitude box).
CREATE INDEX IF NOT EXISTS events_latitude ON events (latitude, longitude);

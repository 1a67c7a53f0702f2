-- Whether any event was filed under an undated report's word keys (`ut|`): while none was, dated
-- reports skip those lookups (merge/ledger.py SqliteIndex). A ledger that already holds keys may
-- hold such keys, so it starts at 1.
INSERT INTO merge_state (name, value) SELECT 'undated_keys', EXISTS (SELECT 1 FROM merge_keys);

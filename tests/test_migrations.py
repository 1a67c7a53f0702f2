"""Schema migrations: every migration not yet recorded is applied, whatever its number."""

from __future__ import annotations

from conflict_ledger.store import Store, sqlite


def test_a_lower_numbered_migration_arriving_later_is_applied(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    Store(path).close()
    shipped = sqlite.migrations()
    assert max(v for v, _, _ in shipped) >= 10
    late = (5, "arrived_later", "CREATE TABLE arrived_later (x INTEGER);")
    monkeypatch.setattr(sqlite, "migrations", lambda: sorted([*shipped, late]))
    store = Store(path)
    try:
        assert store.conn.execute("SELECT count(*) FROM arrived_later").fetchone()[0] == 0
        assert store.migrate() == []  # and only once
        recorded = [r[0] for r in store.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert recorded == sorted(v for v, _, _ in [*shipped, late])
    finally:
        store.close()

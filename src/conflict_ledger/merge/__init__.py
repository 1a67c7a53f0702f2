"""Stage 4: event mentions across documents -> ledger events."""

from .assign import assign_events, event_id_for

__all__ = ["assign_events", "event_id_for"]

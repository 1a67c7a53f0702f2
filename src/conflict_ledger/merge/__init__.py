"""Stage 4: event mentions across documents -> ledger events (incremental, with reasons)."""

from .documents import group_documents
from .ledger import assign_events, event_id_for

__all__ = ["assign_events", "event_id_for", "group_documents"]

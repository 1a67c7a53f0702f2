"""Stage 5: SQLite ledger (documents, mentions, evidence, events, claims) with migrations."""

from .sqlite import LedgerFileError, Store

__all__ = ["LedgerFileError", "Store"]

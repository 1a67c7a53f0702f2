"""conflict-ledger: dated news reports in, a deduplicated, sourced, geolocated ledger of events out."""

__version__ = "0.1.0"

"""Stage 6: filters, event lists, tallies."""

from .events import get_event, list_claims, list_events
from .filters import EventFilter
from .tally import tally

__all__ = ["EventFilter", "get_event", "list_claims", "list_events", "tally"]

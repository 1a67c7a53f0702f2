"""Importing this module registers every built-in pipeline component."""

from . import (  # noqa: F401
    casualties,
    claims,
    confidence,
    corefer,
    dating,
    events,
    incidents,
    nlp,
    placing,
    roles,
    scope,
    scrub,
    sources,
)

"""Stage 2: Document -> EventMention[] + TallyClaim[], every field with its evidence span."""

from .pipeline import DEFAULT_COMPONENTS, Pipeline, component, default_pipeline

__all__ = ["DEFAULT_COMPONENTS", "Pipeline", "component", "default_pipeline"]

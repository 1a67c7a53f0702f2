"""Stage 1: files, folders, JSONL/CSV, HTML, feeds -> Document."""

from .readers import FORMATS, InputError, Notice, parse_published, read_paths

__all__ = ["FORMATS", "InputError", "Notice", "parse_published", "read_paths"]

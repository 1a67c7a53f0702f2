"""Pictures of tallies: a one-line unicode sparkline for the terminal, a PNG chart via matplotlib."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .atomic import atomic_path

BLOCKS = "▁▂▃▄▅▆▇█"


def squeeze(values: Sequence[int | float], width: int) -> tuple[list[int | float], int]:
    """At most `width` values, each the sum of `per` consecutive ones; returns (values, per)."""
    per = max(1, -(-len(values) // width))
    return [sum(values[i:i + per]) for i in range(0, len(values), per)], per


def sparkline(values: Sequence[int | float]) -> str:
    """'▁▃█▅' for [0, 2, 7, 4]: zero is the lowest block, the largest value the highest."""
    if not values:
        return ""
    top = max(values)
    if top <= 0:
        return BLOCKS[0] * len(values)
    return "".join(BLOCKS[0] if v <= 0 else BLOCKS[max(1, round(v / top * (len(BLOCKS) - 1)))] for v in values)


def plot_tally(rows: Sequence[dict[str, Any]], path: str | Path, by: str, title: str | None = None) -> Path:
    """A PNG: events per period (bars) with fatalities (line) for a series, or a bar per group."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    fig, ax = plt.subplots(figsize=(10, 4.8), dpi=110)
    try:
        if by in ("day", "week", "month"):
            rows = [r for r in rows if r.get("period") is not None]
            labels = [r["period"] for r in rows]
            ax.bar(range(len(rows)), [r["events"] for r in rows], color="#3b6ea5", label="events")
            ax.set_ylabel(f"events per {by}")
            step = max(1, len(labels) // 12)
            ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right", fontsize=8)
            if any(r["fatalities"] for r in rows):
                twin = ax.twinx()
                twin.plot(range(len(rows)), [r["fatalities"] for r in rows], color="#b23a3a", marker=".",
                          label="fatalities (best)")
                twin.set_ylabel("fatalities (best)", color="#b23a3a")
                twin.set_ylim(bottom=0)
        else:
            top = list(rows)[:25][::-1]
            labels = [" / ".join(str(r.get(k) or "unknown") for k in r if k in (by, "event_type", "sub_event_type"))
                      or "unknown" for r in top]
            ax.barh(range(len(top)), [r["events"] for r in top], color="#3b6ea5")
            ax.set_yticks(range(len(top)), labels, fontsize=8)
            ax.set_xlabel("events")
        ax.set_title(title or f"events by {by}")
        fig.tight_layout()
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format="png")
    finally:
        plt.close(fig)
    return path

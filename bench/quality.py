"""Extraction quality against the gold dev sets, the way the issue measures it.

    bench/quality [--errors N] [--sets gtd-iraq,muc4] [--keep DIR] [--typing rules|embeddings] [--scope all|violence]

Runs `conflict-ledger extract` over every ../shared/gold/events/*.dev.jsonl, scores each with
../shared/eval/score.py events, prints the metrics beside their targets and the trivial
baselines, and writes bench/results/quality.json (figures only; predictions quote the gold
texts, so they go to a temporary folder, or to --keep DIR, never into the repository).

Each set is read in the scope of its own codebook (`--scope`): CASE codes every ACLED kind of
event, protests included; GTD and MUC-4 code violence only, so to them a report of a march, an
arrest or peace talks has no event. `--scope all` (or violence) reads every set the same way
and writes bench/results/quality-scope-all.json (or -violence) beside the codebook figures.

--errors N adds, per field, the N worst documents: gold and predicted values side by side with
the evidence span the prediction came from, so the next fix is obvious.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.console import Console
from rich.table import Table

from common import RESULTS, ROOT, SHARED, read_jsonl, shared, write_results

# Targets from the issue ("extraction quality measured on external gold").
TARGETS: dict[str, dict[str, float]] = {
    "case2021-task2": {"doc_sub_event_type_F1": 0.80, "doc_event_type_F1": 0.88, "no_event_doc_acc": 0.75},
    "gtd-iraq": {
        "detection_R": 0.97, "event_date_exact": 0.95, "fatalities_exact": 0.85, "injuries_exact": 0.92,
        "actor1_match": 0.95, "admin1_acc": 0.85, "loc_within_25km": 0.75, "event_type_acc": 0.97,
        "sub_event_type_acc": 0.85,
    },
    "muc4": {"detection_F1": 0.55, "no_event_doc_acc": 0.80},
}
# The scope each gold set's codebook counts as events (`conflict-ledger extract --scope`).
CODEBOOK_SCOPE: dict[str, str] = {"case2021-task2": "all", "gtd-iraq": "violence", "muc4": "violence"}
# Floors quoted in the issue: what quick hacks score on the same dev files.
FLOORS: dict[str, dict[str, tuple[float, str]]] = {
    "case2021-task2": {
        "doc_sub_event_type_F1": (0.56, "22 keyword rules"), "doc_event_type_F1": (0.72, "MiniLM zero-shot; keyword rules 0.64"),
        "no_event_doc_acc": (0.72, "22 keyword rules"),
    },
    "gtd-iraq": {
        "event_type_acc": (0.92, "constant answer"), "actor1_match": (0.91, "constant answer"),
        "fatalities_exact": (0.73, "regex, 0 default"), "injuries_exact": (0.88, "regex, 0 default"),
    },
}
# Rows shown for every set besides the targets.
SHOWN = ("detection_P", "detection_R", "detection_F1", "event_type_acc", "sub_event_type_acc", "event_date_exact",
         "fatalities_exact", "injuries_exact", "actor1_match", "actor2_match", "country_acc", "admin1_acc",
         "loc_within_25km", "no_event_doc_acc", "doc_event_type_F1", "doc_sub_event_type_F1")
ERROR_FIELDS = ("detection", "no_event", "event_type", "sub_event_type", "event_date", "fatalities", "injuries",
                "actor1", "actor2", "country", "admin1", "location")


def scorer() -> ModuleType:
    """The shared scorer, imported in place (its matching is reused for the error listing)."""
    path = shared("eval", "score.py")
    spec = importlib.util.spec_from_file_location("conflict_ledger_gold_score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def extract(gold: Path, out: Path, typing: str | None, scope: str) -> float:
    """Run the real command over a gold file; the seconds it took."""
    exe = ROOT / ".venv" / "bin" / "conflict-ledger"
    cmd = [str(exe) if exe.exists() else "conflict-ledger", "extract", "--format", "jsonl", "--scope", scope, str(gold)]
    env = dict(os.environ)
    if typing:
        env["CONFLICT_LEDGER_TYPING"] = typing
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"extract failed on {gold.name}: {proc.stderr.strip().splitlines()[-1:]}")
    return time.perf_counter() - start


def score(gold: Path, pred: Path, out: Path) -> dict[str, Any]:
    cmd = [sys.executable, str(shared("eval", "score.py")), "events", "--gold", str(gold), "--pred", str(pred),
           "--json", str(out)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def verdict(value: float | None, target: float | None) -> str:
    if target is None or value is None:
        return ""
    return "[green]ok[/green]" if value >= target else "[red]below[/red]"


def print_tables(console: Console, metrics: dict[str, dict[str, Any]]) -> None:
    for name, m in metrics.items():
        table = Table(title=f"{name} (dev, scope {m.get('scope', 'all')}, {m['docs']} docs, {m['gold_events']} gold / "
                            f"{m['pred_events']} predicted events)",
                      header_style="bold", title_justify="left")
        for column in ("metric", "dev", "target", "", "floor", "trivial baseline"):
            table.add_column(column, justify="left" if column in ("metric", "floor") else "right")
        targets, floors = TARGETS.get(name, {}), FLOORS.get(name, {})
        trivial = baselines().get(f"events/{name}", {})
        for key in dict.fromkeys([*targets, *SHOWN]):
            value = m.get(key)
            if value is None and key not in targets:
                continue
            floor = floors.get(key)
            n = m.get(f"{key} (n)")
            table.add_row(
                key + (f" (n={n})" if n is not None else ""),
                _fmt(value),
                _fmt(targets.get(key)),
                verdict(value, targets.get(key)),
                f"{floor[0]:.2f} {floor[1]}" if floor else "",
                _fmt(trivial.get(key)),
            )
        console.print(table)


def baselines() -> dict[str, Any]:
    path = SHARED / "eval" / "baselines.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


# ---------------------------------------------------------------------------- error listing


def field_errors(gold_path: Path, pred_path: Path, score_mod: ModuleType) -> dict[str, list[dict[str, Any]]]:
    """Per field, every wrong document, worst first (gold vs predicted, with the prediction's evidence)."""
    from collections import Counter, defaultdict

    gold = {d["id"]: d for d in read_jsonl(gold_path)}
    raw: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(pred_path):
        raw[str(row["doc_id"])].append(row)
    errors: dict[str, list[tuple[float, dict[str, Any]]]] = defaultdict(list)
    for did, doc in gold.items():
        gevs = [score_mod.clean_event(e, Counter()) for e in doc.get("events") or []]
        praw = raw.get(did, [])
        pevs = [score_mod.clean_event(e, Counter()) for e in praw]
        pairs = score_mod.match_events(gevs, pevs)
        text = doc.get("text") or ""
        base = {"doc": did, "text": " ".join(text.split())[:300]}
        missed = len(gevs) - len(pairs)
        spurious = len(pevs) - len(pairs)
        if gevs and (missed or spurious):
            errors["detection"].append((missed + spurious, {
                **base, "gold": [_short(g) for g in gevs], "pred": [_short(p) for p in pevs],
                "evidence": [_trigger(p) for p in praw]}))
        if not gevs and pevs:
            errors["no_event"].append((len(pevs), {**base, "gold": "no event", "pred": [_short(p) for p in pevs],
                                                   "evidence": [_trigger(p) for p in praw]}))
        for i, j in pairs:
            g, p, pr = gevs[i], pevs[j], praw[j]
            for field in ERROR_FIELDS[2:]:
                gv, pv = g[field], p[field]
                if field in ("actor1", "actor2"):
                    wrong = (pv is not None) if gv is None else (pv is None or not score_mod.fuzzy_eq(gv, pv))
                elif gv is None:
                    continue
                elif field == "location":
                    wrong = pv is None or not score_mod.fuzzy_eq(gv, pv)
                elif field in ("fatalities", "injuries"):
                    wrong = pv != gv
                else:
                    wrong = pv is None or score_mod.norm(gv) != score_mod.norm(pv)
                if not wrong:
                    continue
                badness = abs((pv or 0) - gv) + (pv is None) if field in ("fatalities", "injuries") else 1.0
                errors[field].append((badness, {**base, "gold": gv, "pred": pv,
                                                "evidence": [e.get("text") for e in (pr.get("evidence") or {}).get(field, [])]}))
    return {f: [row for _, row in sorted(rows, key=lambda r: -r[0])] for f, rows in errors.items()}


def _short(e: dict[str, Any]) -> str:
    return " | ".join(str(e[k]) for k in ("event_date", "sub_event_type", "event_type", "actor1", "location",
                                          "fatalities", "injuries") if e.get(k) is not None)


def _trigger(p: dict[str, Any]) -> str | None:
    spans = (p.get("evidence") or {}).get("sub_event_type") or (p.get("evidence") or {}).get("event_type") or []
    return spans[0]["text"] if spans else None


def print_errors(console: Console, name: str, errors: dict[str, list[dict[str, Any]]], n: int) -> None:
    for field in ERROR_FIELDS:
        rows = errors.get(field)
        if not rows:
            continue
        console.rule(f"{name}: {field} ({len(rows)} wrong, {min(n, len(rows))} shown)")
        for row in rows[:n]:
            console.print(f"[bold]{row['doc']}[/bold]  gold=[green]{row['gold']}[/green]  pred=[red]{row['pred']}[/red]",
                          highlight=False)
            if row.get("evidence"):
                console.print(f"   evidence: {row['evidence']}", highlight=False, markup=False)
            console.print(f"   text: {row['text']}", highlight=False, markup=False, style="dim")


# ---------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list the N worst documents per field")
    parser.add_argument("--sets", default=None, help="comma-separated gold set names (default: every events set)")
    parser.add_argument("--keep", type=Path, default=None, help="keep predictions and scores in this folder")
    parser.add_argument("--typing", choices=("ngrams", "embeddings", "rules"), default=None,
                        help="event typing model for extract (default: the pipeline's default)")
    parser.add_argument("--scope", choices=("codebook", "all", "violence"), default="codebook",
                        help="events kept: each set's codebook scope (default), or one scope for every set")
    args = parser.parse_args()
    console = Console(width=max(120, Console().width))
    golds = sorted(shared("gold", "events").glob("*.dev.jsonl"))
    if args.sets:
        wanted = set(args.sets.split(","))
        golds = [g for g in golds if g.name.removesuffix(".dev.jsonl") in wanted]
    score_mod = scorer() if args.errors else None
    metrics: dict[str, dict[str, Any]] = {}
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="quality-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for gold in golds:
            name = gold.name.removesuffix(".dev.jsonl")
            pred = folder / f"{name}.pred.jsonl"
            scope = CODEBOOK_SCOPE.get(name, "all") if args.scope == "codebook" else args.scope
            with console.status(f"extracting {name} (scope {scope}) ..."):
                seconds[name] = extract(gold, pred, args.typing, scope)
            result = score(gold, pred, folder / f"{name}.score.json")
            metrics[name] = {**(result["by_dataset"].get(name) or result["overall"]), "scope": scope}
            console.print(f"{name}: {seconds[name]:.1f} s")
            if score_mod is not None:
                print_errors(console, name, field_errors(gold, pred, score_mod), args.errors)
    print_tables(console, metrics)
    missed = [f"{name} {key}" for name, t in TARGETS.items() if name in metrics for key, target in t.items()
              if (metrics[name].get(key) or 0) < target]
    console.print(f"targets below: {', '.join(missed) if missed else 'none'}")
    typing = args.typing or os.environ.get("CONFLICT_LEDGER_TYPING") or "ngrams"
    name = "quality" if typing == "ngrams" else f"quality-{typing}"
    if args.scope != "codebook":
        name += f"-scope-{args.scope}"
    sets = {ds: {"metrics": m, "targets": TARGETS.get(ds, {}), "seconds": round(seconds[ds], 1)} for ds, m in metrics.items()}
    previous = RESULTS / f"{name}.json"
    if args.sets and previous.exists():
        # a run over some sets updates those and keeps the others' last figures
        kept = json.loads(previous.read_text(encoding="utf-8")).get("sets", {})
        sets = {**kept, **sets}
    below = [f"{ds} {key}" for ds, t in TARGETS.items() if ds in sets for key, target in t.items()
             if (sets[ds]["metrics"].get(key) or 0) < target]
    path = write_results(name, {"typing": typing, "sets": sets, "targets_below": below})
    print(f"written: {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()

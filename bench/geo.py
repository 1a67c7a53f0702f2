"""Geoparsing quality and speed, scored on the shared gold data.

    bench/geo [--no-events] [--speed-docs 300] [--rounds 3]

1. Runs `conflict-ledger geoparse` on each ../shared/gold/geo/*.dev.jsonl and scores it with
   ../shared/eval/score.py geo: toponym detection P/R/F1, acc@161km, acc@25km, median error.
2. Runs `conflict-ledger extract` on ../shared/gold/events/gtd-iraq.dev.jsonl and scores the event
   places (country, admin1, coordinates within 25 km) with score.py events.
3. Times geoparse in a fresh process after a warm-up (documents/s, words/s, and documents/s
   for 500-word documents), the same texts, one process; and, as a yardstick for the machine,
   the same model's NER alone over the whole texts in another fresh process; the two alternate
   for a few rounds and the medians are reported.
Prints the tables and writes bench/results/geo.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, SHARED, isolated, read_jsonl, shared, write_results

GEO_SETS = ("gwn", "lgl", "trnews", "geovirus")
TARGETS = {"gwn": (0.90, 0.75), "lgl": (0.80, 0.70), "trnews": (0.85, 0.75), "geovirus": (0.85, 0.75)}
CLI = [str(ROOT / ".venv" / "bin" / "conflict-ledger")]


def run_cli(args: list[str], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(CLI + args, stdout=fh, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args[:1])} failed: {proc.stderr[-2000:]}")


def score(task: str, gold: Path, pred: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        subprocess.run(
            [sys.executable, str(SHARED / "eval" / "score.py"), task, "--gold", str(gold), "--pred", str(pred),
             "--json", tmp.name],
            check=True, stdout=subprocess.DEVNULL,
        )
        return json.loads(Path(tmp.name).read_text(encoding="utf-8"))


def geo_quality(work: Path) -> dict:
    rows = {}
    for name in GEO_SETS:
        gold = shared("gold", "geo", f"{name}.dev.jsonl")
        pred = work / f"{name}.jsonl"
        run_cli(["geoparse", "--format", "jsonl", str(gold)], pred)
        metrics = score("geo", gold, pred)["by_dataset"][name]
        rows[name] = {k: metrics.get(k) for k in ("docs", "gold_toponyms", "pred_toponyms", "detection_P",
                                                   "detection_R", "detection_F1", "acc@161km", "acc@25km",
                                                   "median_km_error", "AUC_log_error (lower=better)")}
    return rows


def event_quality(work: Path) -> dict:
    gold = shared("gold", "events", "gtd-iraq.dev.jsonl")
    pred = work / "gtd-iraq.jsonl"
    run_cli(["extract", "--format", "jsonl", str(gold)], pred)
    metrics = score("events", gold, pred)["by_dataset"]["gtd-iraq"]
    keys = ("docs", "pred_events", "detection_F1", "country_acc", "admin1_acc", "location_name_fuzzy",
            "coords_predicted", "loc_within_25km", "loc_within_100km", "median_km_error")
    return {k: metrics.get(k) for k in keys}


def time_geoparse(docs: list[dict]) -> dict:
    from conflict_ledger.extract.placing import geoparse
    from conflict_ledger.model import Document

    list(geoparse([Document(id="warm-up", text="Shelling hit Kharkiv and a village near Mosul, Iraq.")]))
    documents = [Document(id=d["id"], text=d["text"]) for d in docs]
    start, cpu = time.perf_counter(), time.process_time()
    places = sum(len(p) for _, p in geoparse(documents))
    return {"places": places, "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}


def time_bare_ner(docs: list[dict]) -> dict:
    """The yardstick: the same spaCy model's NER alone over the whole texts, nothing resolved. Machines
    here differ by half from day to day; the ratio to this says what geoparse itself costs."""
    from conflict_ledger.extract.nlp import load_nlp
    from conflict_ledger.extract.placing import _NOT_FOR_GEOPARSE

    nlp = load_nlp()
    disable = [name for name in _NOT_FOR_GEOPARSE if name in nlp.pipe_names]
    list(nlp.pipe(["Shelling hit Kharkiv and a village near Mosul, Iraq."], disable=disable))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((d["text"] for d in docs), disable=disable, batch_size=64):
        pass
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}


def speed(n: int, rounds: int = 3) -> dict:
    """Geoparse and the bare-NER yardstick in alternating fresh processes, `rounds` times each:
    on this shared machine one run moves by a tenth either way, so the medians are reported."""
    docs = []
    for name in GEO_SETS:
        docs += read_jsonl(shared("gold", "geo", f"{name}.dev.jsonl"))
    docs = [{"id": d["id"], "text": d["text"]} for d in docs][:n]
    words = sum(len(d["text"].split()) for d in docs)
    runs, bare_runs = [], []
    for _ in range(rounds):
        runs.append(isolated(time_geoparse, docs))
        bare_runs.append(isolated(time_bare_ner, docs))
    seconds = statistics.median(r["result"]["seconds"] for r in runs)
    cpu = statistics.median(r["result"]["cpu_seconds"] for r in runs)
    bare_cpu = statistics.median(r["result"]["cpu_seconds"] for r in bare_runs)
    return {"bare_ner_docs_per_cpu_s_at_500_words": round(words / bare_cpu / 500, 1),
            "ratio_to_bare_ner": round(cpu / bare_cpu, 2), "rounds": rounds,
            "round_cpu_seconds": [round(r["result"]["cpu_seconds"], 2) for r in runs],
            "round_bare_cpu_seconds": [round(r["result"]["cpu_seconds"], 2) for r in bare_runs],
            "documents": len(docs), "words": words, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "docs_per_s": round(len(docs) / seconds, 1), "words_per_s": round(words / seconds),
            "docs_per_s_at_500_words": round(words / seconds / 500, 1),
            "docs_per_cpu_s_at_500_words": round(words / cpu / 500, 1),
            "peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
            "load_average": round(os.getloadavg()[0], 2)}


def fmt(v) -> str:
    return "-" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-events", action="store_true", help="skip the gtd-iraq event-place scoring")
    parser.add_argument("--speed-docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3, help="alternating speed runs; medians are reported")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        geo = geo_quality(work)
        print(f"{'dataset':10}{'docs':>6}{'det P':>8}{'det R':>8}{'det F1':>8}{'acc@161':>9}{'acc@25':>8}"
              f"{'median km':>11}   target acc@161 / F1")
        for name, r in geo.items():
            acc, f1 = TARGETS[name]
            ok = "met" if (r["acc@161km"] or 0) >= acc and (r["detection_F1"] or 0) >= f1 else "NOT met"
            print(f"{name:10}{r['docs']:>6}{fmt(r['detection_P']):>8}{fmt(r['detection_R']):>8}"
                  f"{fmt(r['detection_F1']):>8}{fmt(r['acc@161km']):>9}{fmt(r['acc@25km']):>8}"
                  f"{r['median_km_error']:>11.1f}   >= {acc} / >= {f1}: {ok}")
        events = None
        if not args.no_events:
            events = event_quality(work)
            print("\ngtd-iraq event places (extract):")
            for k, v in events.items():
                print(f"  {k:22}{fmt(v)}")
            print("  targets: loc_within_25km >= 0.75, admin1_acc >= 0.85")
    sp = speed(args.speed_docs, args.rounds)
    print(f"\ngeoparse speed (median of {sp['rounds']} rounds): {sp['documents']} documents, {sp['words']} words "
          f"in {sp['seconds']} s ({sp['cpu_seconds']} s of CPU, one process): {sp['docs_per_s']} documents/s, {sp['words_per_s']} words/s; "
          f"for 500-word documents {sp['docs_per_s_at_500_words']}/s wall clock, "
          f"{sp['docs_per_cpu_s_at_500_words']} per CPU second (target >= 50); peak {sp['peak_rss_mib']} MiB; "
          f"load average {sp['load_average']} on {os.cpu_count()} cores")
    print(f"yardstick: the NER alone over the whole texts runs at {sp['bare_ner_docs_per_cpu_s_at_500_words']} "
          f"500-word documents per CPU second on this machine; geoparse takes {sp['ratio_to_bare_ner']}x its time")
    path = write_results("geo", {"geoparse": geo, "gtd_iraq_events": events, "speed": sp,
                                 "targets": {k: {"acc@161km": a, "detection_F1": f} for k, (a, f) in TARGETS.items()}})
    print(f"written: {path.relative_to(path.parents[2])}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Extraction speed against bare spaCy on the same real texts.

    bench/throughput [--docs 300] [--rounds 3]

Runs the full `extract` pipeline and, in the same run, spaCy's nlp.pipe alone over the same
texts: as installed (the budget's yardstick) and on the pipeline's matrix backend (numpy's
OpenBLAS on one thread; the ratio to it is the pipeline's own cost). Each run is a fresh process,
after a warm-up, so load time and memory are separated; the runs alternate in rounds: on a shared machine one pair of runs moves by a tenth either way, so the
figures are the medians over the rounds (CPU seconds of the process; wall time beside it) and the
ratio is that of the medians. Prints articles/s, words/s, peak memory, each round's ratio and the
ratio pipeline/bare-spaCy; writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from common import isolated, read_jsonl, shared, write_results

BARE, SAME_BACKEND, OURS = "bare spaCy nlp.pipe", "bare spaCy, numpy BLAS", "conflict-ledger extract"
SETS = ("events/gtd-iraq.dev.jsonl", "events/case2021-task2.dev.jsonl", "events/muc4.dev.jsonl",
        "geo/lgl.dev.jsonl", "geo/gwn.dev.jsonl")


def sample(n: int) -> list[dict]:
    """n documents spread over the gold sets (several registers: analyst prose, news, all-caps wire)."""
    per_set = max(1, n // len(SETS))
    docs = []
    for name in SETS:
        rows = read_jsonl(shared("gold", name))
        docs += [{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows[:per_set]]
    return docs[:n]


def run_pipeline(docs: list[dict]) -> dict:
    from datetime import date

    from conflict_ledger.extract import default_pipeline
    from conflict_ledger.model import Document

    pipeline = default_pipeline()
    pipeline(Document(id="warm-up", text="A car bomb killed two people in Baghdad on Monday, police said."))
    documents = [
        Document(id=d["id"], text=d["text"], published=date.fromisoformat(d["published"]) if d["published"] else None)
        for d in docs
    ]
    start, cpu = time.perf_counter(), time.process_time()
    events = sum(len(x.mentions) for x in pipeline.run(documents))
    return {"events": events, "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}


def run_bare_spacy(docs: list[dict], same_backend: bool = False) -> dict:
    """spaCy as installed (the yardstick of the budget), or on the matrix backend the pipeline uses,
    so that the ratio to it is the pipeline's own cost."""
    import spacy

    from conflict_ledger.extract.nlp import MODEL, use_numpy_blas

    nlp = spacy.load(MODEL, disable=["lemmatizer"])
    if same_backend:
        use_numpy_blas(nlp)
    nlp("A car bomb killed two people in Baghdad on Monday, police said.")
    start, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe((d["text"] for d in docs), batch_size=32))
    return {"tokens": tokens, "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3, help="alternating pairs of runs; medians are reported")
    parser.add_argument("--typing", choices=("ngrams", "embeddings", "rules"), default=None,
                        help="event typing model (default: the pipeline's default)")
    args = parser.parse_args()
    if args.typing:
        os.environ["CONFLICT_LEDGER_TYPING"] = args.typing  # the spawned runs inherit it
    docs = sample(args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    runs: dict[str, list[dict]] = {BARE: [], SAME_BACKEND: [], OURS: []}
    for _ in range(args.rounds):
        runs[BARE].append(isolated(run_bare_spacy, docs))
        runs[SAME_BACKEND].append(isolated(run_bare_spacy, docs, True))
        runs[OURS].append(isolated(run_pipeline, docs))
    rows = {}
    for name, done in runs.items():
        cpu = statistics.median(run["result"]["cpu_seconds"] for run in done)
        rows[name] = {
            "articles_per_s": round(len(docs) / cpu, 1),
            "words_per_s": round(words / cpu),
            "cpu_seconds": round(cpu, 2),
            "seconds": round(statistics.median(run["result"]["seconds"] for run in done), 2),
            "peak_rss_mib": max(run["peak_rss_mib"] for run in done),
        }
    ratio = rows[OURS]["cpu_seconds"] / rows[BARE]["cpu_seconds"]
    own_cost = rows[OURS]["cpu_seconds"] / rows[SAME_BACKEND]["cpu_seconds"]
    each = [full["result"]["cpu_seconds"] / bare["result"]["cpu_seconds"]
            for bare, full in zip(runs[BARE], runs[OURS], strict=True)]
    events = runs[OURS][-1]["result"]["events"]
    print(f"{len(docs)} documents, {words} words ({', '.join(s.split('/')[1].split('.')[0] for s in SETS)}); "
          f"medians of {args.rounds} alternating rounds")
    print(f"{'':26}{'articles/s':>12}{'words/s':>10}{'CPU s':>8}{'wall s':>8}{'peak MiB':>10}")
    for name, row in rows.items():
        print(f"{name:26}{row['articles_per_s']:>12}{row['words_per_s']:>10}{row['cpu_seconds']:>8}{row['seconds']:>8}"
              f"{row['peak_rss_mib']:>10}")
    print(f"each round's ratio: {', '.join(f'{r:.2f}' for r in each)}")
    print(f"ratio pipeline / bare spaCy: {ratio:.2f} (target <= 1.5)")
    print(f"ratio pipeline / bare spaCy on the same matrix backend (the pipeline's own cost): {own_cost:.2f}")
    print(f"events found: {events}")
    typing = os.environ.get("CONFLICT_LEDGER_TYPING", "ngrams")
    name = "throughput" if typing == "ngrams" else f"throughput-{typing}"
    path = write_results(name, {"typing": typing, "documents": len(docs), "words": words, "rounds": args.rounds,
                                "runs": rows, "ratio": round(ratio, 3), "own_cost_ratio": round(own_cost, 3), "round_ratios": [round(r, 3) for r in each],
                                "events": events})
    print(f"written: {path.relative_to(path.parents[2])}", file=sys.stderr)


if __name__ == "__main__":
    main()

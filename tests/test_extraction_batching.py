"""Batching is only a way to spend less time: a batch of reports must read exactly as each report alone."""

from __future__ import annotations

from datetime import date

from conflict_ledger.extract.classifier import event_typer
from conflict_ledger.extract.pipeline import Pipeline
from conflict_ledger.model import Document

REPORTS = [
    ("told-twice", "Gunmen attacked a police checkpoint outside Kirkuk on Monday night. The attack killed three "
                   "officers and wounded two others, a police spokesman said on Tuesday."),
    ("brief", "A roadside bomb struck an army patrol near Gao on Sunday, killing two soldiers, the army said."),
    ("talk", "The two parties met in Geneva on Friday to discuss a new round of talks on the constitution."),
    ("protest", "Hundreds of students marched through the centre of Dhaka on Thursday to demand lower fees. "
                "Police fired tear gas to break up the march. Organisers said twelve students were hurt in the clashes."),
]


def documents() -> list[Document]:
    return [Document(id=doc_id, text=text, published=date(2024, 3, 12)) for doc_id, text in REPORTS]


def test_the_typer_reads_a_repeated_text_as_it_reads_it_alone():
    typer = event_typer()
    texts = [text for _, text in REPORTS]
    typer.__dict__.pop("_memo", None)
    together = typer.guess([texts[0], texts[1], texts[0], texts[2], texts[1]])
    alone = []
    for text in (texts[0], texts[1], texts[0], texts[2], texts[1]):
        typer.__dict__.pop("_memo", None)
        alone += typer.guess([text])
    assert together == alone


def test_a_batch_reads_each_report_as_it_reads_it_alone(monkeypatch):
    from conflict_ledger.extract import corefer

    calls = []
    retype_all = corefer.retype_all

    def counted(work):
        calls.append([(state.document.id, len({s.start for f in frames for s in f.sentences})) for state, frames in work])
        retype_all(work)

    monkeypatch.setattr(corefer, "retype_all", counted)
    pipeline = Pipeline()
    batch = list(pipeline.run(documents()))
    assert len(calls) == 1 and [doc_id for doc_id, _ in calls[0]] == [doc_id for doc_id, _ in REPORTS]
    assert dict(calls[0])["told-twice"] == 2, "the event told over two sentences is read whole with the batch"
    alone = [pipeline(doc) for doc in documents()]
    assert [x.error for x in batch] == [None] * len(REPORTS)
    assert [x.mentions for x in batch] == [x.mentions for x in alone]
    assert [x.claims for x in batch] == [x.claims for x in alone]
    assert batch[0].mentions and batch[3].mentions


def test_a_report_that_breaks_a_batch_step_fails_alone():
    pipeline = Pipeline()
    corefer = dict(pipeline.components)["corefer"]
    settle = corefer.settle

    def fussy(states):
        if any(state.document.id == "talk" for state in states):
            raise RuntimeError("cannot settle this one")
        settle(states)

    corefer.settle = fussy
    try:
        results = list(pipeline.run(documents()))
    finally:
        corefer.settle = settle
    assert [x.document.id for x in results] == [doc_id for doc_id, _ in REPORTS]
    assert [x.error is not None for x in results] == [False, False, True, False]
    assert "cannot settle this one" in results[2].error
    assert [x.mentions for x in results if x.error is None] == [
        pipeline(doc).mentions for doc in documents() if doc.id != "talk"]

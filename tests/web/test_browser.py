"""The page in a real Chromium against a real server and ledger: map, timeline, table, event view, review."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conflict_ledger.db import Ledger

from .conftest import HOSTILE_REPORT, TOKEN


def query(path: Path, sql: str, *params: Any) -> list[sqlite3.Row]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


class Page:
    """A browser tab on the served page that remembers every script error and CSP complaint."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.tab = self.context.new_page()
        self.base = base
        self.problems: list[str] = []
        self.tab.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        self.tab.on("console", self._console)

    def _console(self, message: Any) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            self.problems.append(f"console {message.type}: {message.text}")

    def open(self, fragment: str = "") -> Any:
        self.tab.goto(f"{self.base}/{fragment}")
        self.tab.wait_for_selector("body[data-ready='1']", timeout=20_000)
        self.settle()
        return self.tab

    def settle(self) -> None:
        """Wait until no request of the page is in flight."""
        self.tab.wait_for_function("() => document.body.dataset.busy === '0'", timeout=20_000)

    def table_ids(self) -> list[str]:
        return self.tab.eval_on_selector_all("#events-table tbody tr[data-event-id]", "rows => rows.map(r => r.dataset.eventId)")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    tab = Page(browser, server)
    yield tab
    tab.close()
    assert not tab.problems, tab.problems


def test_page_draws_map_timeline_and_table(page, ledger_file):
    tab = page.open()
    total = query(ledger_file, "SELECT count(*) FROM events")[0][0]
    located = query(ledger_file, "SELECT count(*) FROM events WHERE latitude IS NOT NULL")[0][0]
    assert tab.locator("#map-svg path.land").count() == 1
    drawn = tab.eval_on_selector_all("circle.point", "cs => cs.reduce((n, c) => n + Number(c.dataset.events), 0)")
    assert drawn == located
    assert tab.locator("#timeline-svg rect").count() > 0
    assert len(page.table_ids()) == min(50, total)
    assert tab.locator("#tally").inner_text().startswith(f"{total} event(s)")
    assert tab.locator("#page-info").inner_text().endswith(f"of {total}")
    following = tab.locator(".pager button[data-page=next]")
    if total <= 50:
        assert following.is_disabled()
        return
    following.click()
    page.settle()
    assert tab.locator("#events-table tbody tr td:first-child").first.inner_text() == "51"


def hittable_circle(tab: Any, many: bool) -> dict:
    """A map point (holding several events, or one) whose centre is not covered by another point."""
    found = tab.evaluate(
        """(many) => {
            for (const c of document.querySelectorAll('circle.point')) {
              const n = Number(c.dataset.events);
              if (many ? n < 2 : n !== 1) continue;
              const box = c.getBoundingClientRect();
              const x = box.left + box.width / 2, y = box.top + box.height / 2;
              if (document.elementFromPoint(x, y) === c) {
                return {x, y, events: n, eventId: c.dataset.eventId || null, title: c.querySelector('title').textContent};
              }
            }
            return null;
        }""",
        many,
    )
    assert found, "no clickable map point"
    return found


def test_clicking_a_map_point_selects_its_events(page):
    tab = page.open()
    point = hittable_circle(tab, many=True)
    tab.mouse.click(point["x"], point["y"])
    tab.wait_for_selector("#chip-cell")
    page.settle()
    ids = page.table_ids()
    assert len(ids) == min(50, point["events"])
    place = re.match(r"[\d,]+ event\(s\) at (.+)", point["title"]).group(1)
    if not re.match(r"-?[\d.]+, -?[\d.]+$", place):  # the cell names one place: every row is there
        locations = tab.eval_on_selector_all("#events-table tbody tr td:nth-child(6)", "tds => tds.map(t => t.textContent)")
        assert set(locations) == {place}
    tab.locator("#chip-cell").click()
    page.settle()
    assert len(page.table_ids()) > len(ids) or len(ids) == 50

    single = hittable_circle(tab, many=False)
    tab.mouse.click(single["x"], single["y"])
    tab.wait_for_selector("#event-view:not([hidden])")
    assert tab.locator("#event-view").get_attribute("data-event-id") == single["eventId"]


def test_brushing_the_timeline_filters_map_and_table(page, ledger_file):
    tab = page.open()
    box = tab.locator("#timeline-svg").bounding_box()
    y = box["y"] + box["height"] / 2
    tab.mouse.move(box["x"] + box["width"] * 0.55, y)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    tab.mouse.up()
    chip = tab.wait_for_selector("#chip-brush")
    page.settle()
    since, until = re.findall(r"\d{4}-\d{2}-\d{2}", chip.inner_text())
    expected = query(ledger_file, "SELECT count(*) FROM events WHERE event_date BETWEEN ? AND ?", since, until)[0][0]
    total = query(ledger_file, "SELECT count(*) FROM events")[0][0]
    assert 0 < expected < total
    assert tab.locator("#tally").inner_text().startswith(f"{expected} event(s)")
    dates = tab.eval_on_selector_all("#events-table tbody tr td:nth-child(2)", "tds => tds.map(t => t.textContent)")
    assert dates and all(since <= d <= until for d in dates)
    located = query(ledger_file, "SELECT count(*) FROM events WHERE event_date BETWEEN ? AND ? AND latitude IS NOT NULL",
                    since, until)[0][0]
    drawn = tab.eval_on_selector_all("circle.point", "cs => cs.reduce((n, c) => n + Number(c.dataset.events), 0)")
    assert drawn == located
    # the filter form narrows further; clearing the brush brings the rest back
    tab.locator("#chip-brush").click()
    page.settle()
    assert tab.locator("#tally").inner_text().startswith(f"{total} event(s)")


def test_filter_form_narrows_the_table(page, ledger_file):
    tab = page.open()
    tab.fill("#filters input[name=country]", "Iraq")
    tab.select_option("#filters select[name=type]", "Air/drone strike")
    tab.locator("#filters button[type=submit]").click()
    page.settle()
    expected = query(ledger_file, "SELECT count(*) FROM events WHERE country = 'Iraq' AND sub_event_type = 'Air/drone strike'")
    assert tab.locator("#tally").inner_text().startswith(f"{expected[0][0]} event(s)")
    types = tab.eval_on_selector_all("#events-table tbody tr td:nth-child(3)", "tds => tds.map(t => t.textContent)")
    assert set(types) == {"Air/drone strike"}
    # the filters are in the address: opening it again shows the same view
    address = tab.url
    assert "country=Iraq" in address
    tally = tab.locator("#tally").inner_text()
    tab.goto("about:blank")
    again = page.open("?" + address.split("?", 1)[1])
    assert again.locator("#tally").inner_text() == tally
    assert again.locator("#filters select[name=type]").input_value() == "Air/drone strike"


def test_event_view_highlights_each_fields_evidence(page, ledger_file):
    row = query(
        ledger_file,
        "SELECT m.event_id, ev.text FROM evidence ev JOIN mentions m ON m.id = ev.mention_id "
        "WHERE ev.field = 'injuries' ORDER BY m.event_id LIMIT 1",
    )[0]
    tab = page.open(f"#event={row['event_id']}")
    tab.wait_for_selector("#event-view:not([hidden]) .source-text mark")
    page.settle()
    assert tab.locator("#event-body tr[data-field=injuries] td.value .v").inner_text() != ""
    link = tab.locator("#event-body button.evidence-link[data-field=injuries]").first
    link.click()
    active = tab.locator("#event-body .source-text mark.active")
    assert active.count() >= 1
    assert row["text"] in "".join(active.all_inner_texts()) or active.first.inner_text() in row["text"]
    # the evidence sits in a shaded sentence of the report
    assert tab.locator("#event-body .source-text .sentence").count() >= 1
    assert tab.locator("#reports .report").count() == len(
        query(ledger_file, "SELECT DISTINCT doc_id FROM mentions WHERE event_id = ?", row["event_id"]))
    tab.keyboard.press("Escape")
    assert tab.locator("#event-view").is_hidden()


def test_markup_in_reports_is_shown_as_text_and_never_runs(page, ledger_file):
    event_id = query(ledger_file, "SELECT event_id FROM mentions WHERE doc_id = ? LIMIT 1", HOSTILE_REPORT["id"])[0][0]
    tab = page.open(f"#event={event_id}")
    tab.wait_for_selector("#event-view:not([hidden]) .source-text")
    page.settle()
    text = tab.locator("#event-body .source-text").inner_text()
    assert "<script>window.__pwned = 'text'</script>" in text
    assert "<img src=x onerror=\"window.__pwned = 'img'\">" in text
    assert HOSTILE_REPORT["title"] in tab.locator("#event-body .report-meta").first.inner_text()
    assert tab.locator("#event-body img, #event-body script, #events-table img, #events-table script").count() == 0
    assert tab.locator("a[href^='javascript']").count() == 0
    assert tab.evaluate("window.__pwned") is None
    # the outlet's name (with its markup) is listed among the sources, as text
    tab.keyboard.press("Escape")
    tab.fill("#filters input[name=since]", HOSTILE_REPORT["published"][:8] + "01")
    tab.locator("#filters button[type=submit]").click()
    page.settle()
    assert "<script>" in tab.locator("#events-table").inner_text()
    assert tab.evaluate("window.__pwned") is None


def test_decisions_need_a_token_in_the_page(page, ledger_file):
    event_id = query(ledger_file, "SELECT id FROM events ORDER BY id LIMIT 1")[0][0]
    before = query(ledger_file, "SELECT * FROM events WHERE id = ?", event_id)[0]
    tab = page.open(f"#event={event_id}")
    tab.wait_for_selector("#event-accept")
    tab.fill("#who", "reviewer")
    tab.locator("#event-accept").click()
    assert "token" in tab.locator("#toast").inner_text()
    assert tuple(query(ledger_file, "SELECT * FROM events WHERE id = ?", event_id)[0]) == tuple(before)


def test_review_queue_accept_and_edit_change_the_ledger(page, ledger_file):
    tab = page.open(f"#token={TOKEN}")
    tab.fill("#who", "Dana Reviewer")
    tab.locator("#tabs .tab[data-view=review]").click()
    tab.wait_for_selector("#review-table tbody tr[data-event-id], #review-note:not([hidden])")
    page.settle()
    assert tab.locator("#review-note").is_hidden(), tab.locator("#review-note").inner_text()
    rows = tab.locator("#review-table tbody tr[data-event-id]")
    queued = rows.evaluate_all("rs => rs.map(r => r.dataset.eventId)")
    with Ledger(ledger_file) as ledger:
        expected = [e["event_id"] for e in ledger.review_queue(limit=50)]
    assert queued == expected  # lowest confidence first, as the ledger orders it

    first = queued[0]
    rows.first.locator("button.accept").click()
    page.settle()
    with Ledger(ledger_file) as ledger:
        event = ledger.event(first)
        history = ledger.history(first)
    assert event["review_status"] == "accepted"
    assert history[-1]["change"] == "accept" and history[-1]["who"] == "Dana Reviewer"
    assert first not in tab.locator("#review-table tbody tr[data-event-id]").evaluate_all(
        "rs => rs.map(r => r.dataset.eventId)")

    second = queued[1]
    tab.locator(f"#review-table tbody tr[data-event-id='{second}'] button.open").click()
    tab.wait_for_selector("#edit-form")
    tab.select_option("#edit-field", "fatalities")
    tab.fill("#edit-value", "7")
    tab.fill("#edit-note", "figure from the later report")
    tab.locator("#edit-save").click()
    page.settle()
    tab.wait_for_selector("#history li[data-change=manual_edit]")
    with Ledger(ledger_file) as ledger:
        event = ledger.event(second)
        history = ledger.history(second)
    assert event["fatalities"] == 7 and event["review_status"] == "edited"
    assert history[-1]["who"] == "Dana Reviewer" and history[-1]["note"] == "figure from the later report"
    assert tab.locator("#event-body tr[data-field=fatalities] td.value .v").inner_text() == "7"

    third = queued[2]
    tab.keyboard.press("Escape")
    tab.locator(f"#review-table tbody tr[data-event-id='{third}'] button.reject").click()
    page.settle()
    with Ledger(ledger_file) as ledger:
        assert ledger.event(third)["status"] == "rejected"
        assert all(e["event_id"] != third for e in ledger.events())
    assert third not in page.table_ids()


def test_review_queue_merges_selected_events(page, ledger_file):
    tab = page.open(f"#token={TOKEN}")
    tab.fill("#who", "Dana Reviewer")
    tab.locator("#tabs .tab[data-view=review]").click()
    tab.wait_for_selector("#review-table tbody tr[data-event-id], #review-note:not([hidden])")
    page.settle()
    assert tab.locator("#review-note").is_hidden(), tab.locator("#review-note").inner_text()
    rows = tab.locator("#review-table tbody tr[data-event-id]")
    ids = rows.evaluate_all("rs => rs.slice(-2).map(r => r.dataset.eventId)")
    for event_id in ids:
        tab.locator(f"#review-table tbody tr[data-event-id='{event_id}'] input[type=checkbox]").check()
    tab.locator("#merge-selected").click()
    tab.wait_for_selector("#event-view:not([hidden])")
    page.settle()
    survivor = tab.locator("#event-view").get_attribute("data-event-id")
    assert survivor in ids
    with Ledger(ledger_file) as ledger:
        statuses = {e: ledger.event(e)["status"] for e in ids}
        assert len(ledger.event(survivor)["mentions"]) >= 2
    assert statuses[survivor] == "active" and set(statuses.values()) == {"active", "merged"}
    # the survivor's history shows the decision; the merged-away event points at the survivor, with nothing to decide
    assert "by Dana Reviewer" in tab.locator("#history li[data-change=merge]").last.inner_text()
    assert tab.locator("#reports .report").count() >= 2
    gone = next(e for e in ids if e != survivor)
    tab.evaluate("(id) => { location.hash = 'event=' + id; }", gone)
    tab.wait_for_selector("#merged-note")
    page.settle()
    assert survivor in tab.locator("#merged-note").inner_text() and tab.locator("#event-accept").count() == 0
    assert gone not in tab.locator("#review-table tbody tr[data-event-id]").evaluate_all(
        "rs => rs.map(r => r.dataset.eventId)")


def test_trackers_and_claims_beside_the_ledger(page, ledger_file):
    with Ledger(ledger_file) as ledger:
        # a reviewer who finds the target unnamed in the reports clears it: the tracker can no longer count that
        # event, and the claims beside the ledger point at it
        name = ledger.trackers()[0]["name"]
        cleared = ledger.tracker_report(name)["events"][-1]["event_id"]
        ledger.edit(cleared, "actor2", None, who="Dana Reviewer", note="the reports name no target")
    tab = page.open()
    tab.locator("#tabs .tab[data-view=trackers]").click()
    tab.wait_for_selector("#tracker-events, #trackers-note:not([hidden])")
    page.settle()
    assert tab.locator("#trackers-note").is_hidden(), tab.locator("#trackers-note").inner_text()
    with Ledger(ledger_file) as ledger:
        name = ledger.trackers()[0]["name"]
        report = ledger.tracker_report(name)
        claims = list(ledger.claims_vs_ledger())
    assert tab.locator("#tracker-select").input_value() == name
    assert tab.locator("#tracker-count").inner_text() == str(report["count"])
    assert tab.locator("#tracker-events tbody tr").count() == len(report["events"])
    assert tab.locator("#tracker-series rect").count() == len(report["series"])
    assert tab.locator("#claims-table tbody tr").count() == max(1, len(claims))
    verdicts = tab.eval_on_selector_all("#claims-table tbody tr .badge", "bs => bs.map(b => b.textContent)")
    assert verdicts == [c["verdict"] for c in claims]
    # the events that may explain a gap are named by date, type and place, and open on a click
    pointed = sum(len(c["missing_event_ids"]) + len(c["extra_event_ids"]) for c in claims)
    chips = tab.locator("#claims-table button.chip[data-event-id]")
    assert chips.count() == pointed > 0
    assert cleared in chips.evaluate_all("cs => cs.map(c => c.dataset.eventId)")
    tab.wait_for_function("() => [...document.querySelectorAll('#claims-table button.chip')].every("
                          "b => /^\\d{4}-\\d{2}-\\d{2} · /.test(b.textContent))")
    chips.first.click()
    tab.wait_for_selector("#event-view:not([hidden]) #history")
    assert tab.locator("#event-view").get_attribute("data-event-id") == chips.first.get_attribute("data-event-id")
    tab.keyboard.press("Escape")
    row = tab.locator("#tracker-events tbody tr").first
    row.click()
    tab.wait_for_selector("#event-view:not([hidden]) #history")
    assert tab.locator("#event-view").get_attribute("data-event-id") == report["events"][0]["event_id"]


def test_event_view_splits_a_report_off(page, ledger_file):
    rows = query(ledger_file, "SELECT event_id, min(id) AS mention_id FROM mentions GROUP BY event_id "
                              "HAVING count(DISTINCT doc_id) >= 2 ORDER BY event_id LIMIT 1")
    assert rows, "the test ledger has no event reported twice"
    event_id, mention_id = rows[0]
    tab = page.open(f"#event={event_id}")
    tab.fill("#who", "Dana Reviewer")
    tab.fill("#token", TOKEN)
    tab.wait_for_selector("#split-form")
    page.settle()
    tab.locator(f"#split-form input[value='{mention_id}']").check()
    tab.locator("#split-form button").click()
    page.settle()
    new_event = query(ledger_file, "SELECT event_id FROM mentions WHERE id = ?", mention_id)[0][0]
    assert new_event != event_id
    with Ledger(ledger_file) as ledger:
        assert ledger.history(event_id)[-1]["change"] == "split"
        assert ledger.history(event_id)[-1]["who"] == "Dana Reviewer"
        left = {m["doc_id"] for m in ledger.event(event_id)["mentions"]}
    # the page shows the event again, without the report split off, and the split in its history
    decision = tab.wait_for_selector("#history li[data-change=split]")
    assert new_event in decision.inner_text() and "by Dana Reviewer" in decision.inner_text()
    shown = tab.eval_on_selector_all("#reports .report", "rs => rs.map(r => r.dataset.docId)")
    assert set(shown) == left


def test_a_rejection_in_the_page_leaves_the_tracker_the_claims_and_the_tally(page, ledger_file):
    """Reject a tracked event from the trackers view, see every count drop; accept it back, see them return."""
    tab = page.open(f"#token={TOKEN}")
    tab.fill("#who", "Dana Reviewer")
    total = int(re.match(r"(\d+) event", tab.locator("#tally").inner_text()).group(1))
    tab.locator("#tabs .tab[data-view=trackers]").click()
    tab.wait_for_selector("#tracker-events tbody tr[data-event-id]")
    page.settle()
    name = tab.locator("#tracker-select").input_value()
    with Ledger(ledger_file) as ledger:
        report = ledger.tracker_report(name)
    count = report["count"]
    assert tab.locator("#tracker-count").inner_text() == str(count)
    row = tab.locator("#tracker-events tbody tr[data-event-id]").first
    event_id = row.get_attribute("data-event-id")
    event_date = row.locator("td.date").inner_text()

    row.click()
    tab.wait_for_selector("#event-reject")
    page.settle()
    tab.fill("#edit-note", "a rehearsal, not an attack")
    tab.locator("#event-reject").click()
    decision = tab.wait_for_selector("#history li[data-change=reject]")
    page.settle()
    assert "by Dana Reviewer" in decision.inner_text() and "a rehearsal, not an attack" in decision.inner_text()
    with Ledger(ledger_file) as ledger:
        assert ledger.event(event_id)["status"] == "rejected"
        assert ledger.history(event_id)[-1]["who"] == "Dana Reviewer"
        claims = ledger.claims_vs_ledger()
    # the trackers view behind the event view has followed
    assert tab.locator("#tracker-count").inner_text() == str(count - 1)
    assert event_id not in tab.eval_on_selector_all("#tracker-events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    shown = tab.eval_on_selector_all("#claims-table tbody tr td.ledger-count", "tds => tds.map(t => t.textContent)")
    assert shown == [str(c["ledger_count"] if c["ledger_count"] is not None else "") for c in claims]
    assert tab.locator("#event-accept").inner_text() == "Accept (restore)" and tab.locator("#event-reject").count() == 0

    # the events view: one event fewer in the tally; asked for, it is listed as rejected
    tab.keyboard.press("Escape")
    tab.locator("#tabs .tab[data-view=events]").click()
    page.settle()
    assert tab.locator("#tally").inner_text().startswith(f"{total - 1} event(s)")
    tab.fill("#filters input[name=since]", event_date)
    tab.fill("#filters input[name=until]", event_date)
    tab.check("#filters input[name=include_rejected]")
    tab.locator("#filters button[type=submit]").click()
    page.settle()
    badge = tab.locator(f"#events-table tbody tr[data-event-id='{event_id}'] .badge")
    assert badge.inner_text() == "rejected"

    # accepting it again puts it back everywhere
    tab.locator(f"#events-table tbody tr[data-event-id='{event_id}']").click()
    tab.wait_for_selector("#event-accept")
    page.settle()
    tab.locator("#event-accept").click()
    tab.wait_for_selector("#event-reject")  # offered again once the event is back
    page.settle()
    assert tab.locator("#history li").last.get_attribute("data-change") == "accept"
    with Ledger(ledger_file) as ledger:
        assert ledger.tracker_report(name)["count"] == count
    tab.keyboard.press("Escape")
    tab.uncheck("#filters input[name=include_rejected]")
    tab.locator("#filters button[type=reset]").click()
    page.settle()
    assert tab.locator("#tally").inner_text().startswith(f"{total} event(s)")


def test_casualty_figures_read_as_the_reports_give_them(page, ledger_file):
    """No toll reported (0, low 0, no high) reads "not reported", never "0" or "0+"; a settled figure reads as itself;
    an unknown one reads "–" as in the CLI."""
    tab = page.open()
    cells = tab.eval_on_selector_all(
        "#events-table tbody tr[data-event-id]",
        "rows => rows.map(r => [r.dataset.eventId, r.children[8].textContent, r.children[9].textContent])")
    rows = {r["id"]: r for r in query(ledger_file, "SELECT * FROM events")}
    seen = set()
    for event_id, *shown in cells:
        for kind, text in zip(("fatalities", "injuries"), shown, strict=True):
            best, low, high = (rows[event_id][k] for k in (kind, f"{kind}_low", f"{kind}_high"))
            if best == 0 and low == 0 and high is None:
                assert text == "not reported", (event_id, kind, text)
                seen.add("not reported")
            elif best is not None and low == best and high is None:
                assert text == f"{best}+", (event_id, kind, text)  # "at least N"
                seen.add("at least")
            elif best is not None and low in (None, best) and high in (None, best) and low == high:
                assert text == str(best), (event_id, kind, text)
                seen.add("settled")
            elif best is None and low is None and high is None:
                assert text == "–", (event_id, kind, text)  # unknown, as the CLI shows it
    assert {"not reported", "settled"} <= seen

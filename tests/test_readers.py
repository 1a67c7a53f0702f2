"""Every input format a user feeds in: dated text, JSONL, CSV, saved HTML pages, RSS and Atom feeds."""

from __future__ import annotations

import datetime as dt

from conflict_ledger.ingest import Notice, read_paths
from conflict_ledger.model import Document

HTML = """<!doctype html><html><head><title>Drone hits outpost</title>
<meta property="article:published_time" content="2024-01-29T08:00:00Z">
<meta property="og:site_name" content="Border Courier"></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Drone hits outpost</h1>
<p>A drone struck a small U.S. outpost in northeastern Jordan on Sunday, killing three soldiers, officials said.</p>
<p>Dozens of service members were treated for injuries, according to the military. The outpost sits near the
Syrian border and supports operations against the Islamic State group.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Gulf Wire</title>
<item><title>Rockets hit base</title><link>https://gulfwire.example/1</link><guid>gw-1</guid>
<pubDate>Mon, 20 Nov 2023 22:00:00 GMT</pubDate>
<description>&lt;p&gt;Two rockets struck a base in western Iraq late Monday, officials said.&lt;/p&gt;</description></item>
<item><title>Empty item</title><guid>gw-2</guid><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Levant Notes</title>
<entry><id>ln-7</id><title>Strike near Mayadin</title><updated>2023-11-13T06:00:00Z</updated>
<link href="https://levant.example/7"/><content type="html">&lt;p&gt;U.S. jets struck a site near Mayadin on
Sunday.&lt;/p&gt;</content></entry></feed>"""


def read(tmp_path, name, content, **kwargs):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    items = list(read_paths([path], **kwargs))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Notice)]


def test_text_with_header(tmp_path):
    docs, notes = read(tmp_path, "r.txt", "  date 2024-01-29 A drone struck Tower 22.")
    assert notes == []
    assert docs[0].published == dt.date(2024, 1, 29)
    assert docs[0].text == "A drone struck Tower 22."
    assert docs[0].id == "r.txt"


def test_html_page_main_text_and_metadata(tmp_path):
    docs, notes = read(tmp_path, "page.html", HTML)
    assert len(docs) == 1, notes
    doc = docs[0]
    assert "killing three soldiers" in doc.text
    assert "Subscribe" not in doc.text and "Home | World" not in doc.text
    assert doc.published == dt.date(2024, 1, 29)


def test_rss_entries_become_documents(tmp_path):
    docs, notes = read(tmp_path, "feed.xml", RSS)
    assert [d.id for d in docs] == ["gw-1"]
    assert docs[0].published == dt.date(2023, 11, 20)
    assert docs[0].source == "Gulf Wire"
    assert "Two rockets struck a base" in docs[0].text and "<p>" not in docs[0].text
    assert any("feed entry without text" in n.message for n in notes)


def test_atom_feed(tmp_path):
    docs, _ = read(tmp_path, "feed.atom", ATOM)
    assert docs[0].id == "ln-7" and docs[0].url == "https://levant.example/7"
    assert docs[0].published == dt.date(2023, 11, 13)


def test_csv_rows(tmp_path):
    content = (
        "id,published,title,text,source\n"
        'c1,2024-02-02,Strikes,"U.S. bombers struck sites in Al Qaim, officials said.",Desk\n'
        "c2,2024-02-03,,,Desk\n"
    )
    docs, notes = read(tmp_path, "rows.csv", content)
    assert [d.id for d in docs] == ["c1"]
    assert docs[0].published == dt.date(2024, 2, 2)
    assert [n.where.endswith("rows.csv:3") and "empty article text" in n.message for n in notes] == [True]


def test_csv_without_text_column(tmp_path):
    docs, notes = read(tmp_path, "rows.csv", "id,body\n1,hello\n")
    assert docs == [] and "CSV has no `text` column" in notes[0].message


def test_forced_format_and_published_default(tmp_path):
    docs, _ = read(tmp_path, "notes.dat", "Militants attacked a checkpoint.", fmt="text",
                   published=dt.date(2024, 3, 1))
    assert docs[0].published == dt.date(2024, 3, 1)


def test_folder_without_supported_files(tmp_path):
    (tmp_path / "x.bin").write_bytes(b"\x00")
    items = list(read_paths([tmp_path]))
    assert len(items) == 1 and "no supported files" in items[0].message

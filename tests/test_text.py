"""Page text: HTML and saved text give the same lines; chrome is dropped; encodings are read right."""
import datetime as dt
from pathlib import Path

import pytest

from extract import extract_page
from extract.text import clean, decode_html, lines_from_html, lines_from_text

HERE = Path(__file__).parent


def test_normalises_spaces_hyphens_and_dashes():
    assert clean("Onsdag\u00a0den 5.\u00a0maj  2021,\u00a009.15\u2011\u200b12.00") == "Onsdag den 5. maj 2021, 09.15-12.00"
    assert clean("social\u00adrådgiver") == "socialrådgiver"


def test_html_and_text_give_the_same_lines():
    text = "Titel på mødet\n\nOnsdag den 5. maj 2021, 09.15 -12.00\n\nv/ Trine Torp, socialordfører (SF)\n\n• punkt et\n• punkt to"
    html = ("<html><body><main><h1>Titel på mødet</h1><p>Onsdag den 5.&nbsp;maj 2021, 09.15 -12.00</p>"
            "<p>v/ Trine Torp, socialordfører (SF)</p><ul><li>punkt et</li><li>punkt to</li></ul></main></body></html>")
    assert [l.text for l in lines_from_text(text)] == [l.text for l in lines_from_html(html)]
    assert [l.kind for l in lines_from_html(html)] == ["h", "p", "p", "li", "li"]


def test_chrome_is_dropped_and_fact_panels_kept():
    html = """<html><head><title>x</title><script>var a = "30. marts 2023";</script></head><body>
    <div class="cookie-banner"><p>Vi bruger cookies</p></div>
    <header class="site-header"><nav><ul><li>Om os</li></ul></nav></header>
    <main><article><h1>Temadag</h1><p>Brødtekst om dagen.</p></article>
    <aside class="event-panel"><dl><dt>Dato</dt><dd>12. september 2024</dd><dt>Sted</dt><dd>Comwell Kolding</dd></dl></aside>
    <aside><h3>Kommende arrangementer</h3><ul><li>1. oktober 2024 Andet møde</li></ul></aside></main>
    <footer><p>Åbningstider: mandag-torsdag kl. 9.00-15.00</p></footer></body></html>"""
    assert [l.text for l in lines_from_html(html)] == [
        "Temadag", "Brødtekst om dagen.", "Dato: 12. september 2024", "Sted: Comwell Kolding"]


def test_inline_parts_of_a_date_badge_are_kept_apart():
    html = '<main><div class="date"><span>04</span><span>feb</span><span>2026</span></div><h3>Møde</h3></main>'
    assert lines_from_html(html)[0].text == "04 feb 2026"


def test_windows_1252_page_reads_like_its_utf8_twin():
    raw = (HERE / "encoding" / "samu_netvaerk_integration_2016.html").read_bytes()
    assert b'charset="windows-1252"' in raw.lower() or b"windows-1252" in raw.lower()
    text = decode_html(raw)
    assert "æ" in text and "Ã" not in text
    utf8 = raw.decode("cp1252").replace("windows-1252", "utf-8").encode("utf-8")
    a, b = extract_page(raw, is_html=True), extract_page(utf8, is_html=True)
    assert [e.to_json() for e in a.events] == [e.to_json() for e in b.events]
    assert len(a.events) == 4


def test_undeclared_latin1_bytes_are_guessed():
    raw = "<html><body><main><h1>Møde i Århus</h1><p>Onsdag den 5. maj 2021</p></main></body></html>".encode("cp1252")
    assert lines_from_html(raw)[0].text == "Møde i Århus"


EVENT_HTML = ("<h1>Temadag om boligsocialt arbejde</h1><p>Torsdag den 7. november 2024 kl. 13-15</p>"
              "<p>Oplæg ved Rikke Engly Mygind, direktør, CFBU</p>")


@pytest.mark.parametrize("depth", [250, 254, 300, 1000, 2000])
def test_a_page_nested_deep_is_read_like_a_flat_one(depth):
    html = "<html><body>" + "<div>" * depth + EVENT_HTML + "</div>" * depth + "</body></html>"
    page = extract_page(html.encode(), url="https://cfbu.dk/x/", today=dt.date(2024, 10, 1), is_html=True)
    assert [(e.title, e.start.isoformat(), [s.name for s in e.speakers]) for e in page.events] == [
        ("Temadag om boligsocialt arbejde", "2024-11-07T13:00:00+01:00", ["Rikke Engly Mygind"])]


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-32"])
def test_a_utf8_page_that_declares_utf16_is_read_as_utf8(declared):
    html = f'<html><head><meta charset="{declared}"></head><body>{EVENT_HTML}</body></html>'
    page = extract_page(html.encode("utf-8"), url="https://cfbu.dk/x/", today=dt.date(2024, 10, 1), is_html=True)
    assert [(e.title, e.start.isoformat()) for e in page.events] == [
        ("Temadag om boligsocialt arbejde", "2024-11-07T13:00:00+01:00")]
    assert decode_html(html.encode("utf-8")) == html
    # and a page that really is UTF-16 (with its byte order mark) still is
    assert decode_html(html.encode("utf-16")) == html

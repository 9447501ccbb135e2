"""Structured data first (extract/structured.py): schema.org Event in JSON-LD and microdata, iCalendar feeds, and
how they merge with the text reader's events: the structured date and place, the text's title and speakers, and
`evidence` saying which one decided each field."""
import datetime as dt
import json
from pathlib import Path

import pytest

from extract import extract_page
from extract.dates import COPENHAGEN
from extract.structured import (event_from_schema, events_from_icalendar, events_from_markup, has_markup, is_icalendar,
                                parse_when)

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2025, 1, 15)


@pytest.mark.parametrize("raw,want", [
    ("2025-03-12", dt.date(2025, 3, 12)),
    ("2025-03-12T09:30:00+01:00", dt.datetime(2025, 3, 12, 9, 30, tzinfo=COPENHAGEN)),
    ("2025-06-12T09:30", dt.datetime(2025, 6, 12, 9, 30, tzinfo=COPENHAGEN)),      # no offset: the site's time
    ("2025-06-12T07:30:00Z", dt.datetime(2025, 6, 12, 9, 30, tzinfo=COPENHAGEN)),  # UTC, shown in Copenhagen
    (["2025-03-12"], dt.date(2025, 3, 12)),
    ("12. marts 2025", None), ("", None), (None, None),
])
def test_schema_dates(raw, want):
    assert parse_when(raw) == want


def _ev(**kw):
    return {"@type": "Event", "name": "Temadag", "startDate": "2025-03-12T09:30:00+01:00", **kw}


PLACE = {"@type": "Place", "name": "Tietgen", "address": {"@type": "PostalAddress", "streetAddress": "Nonnebakken 9",
                                                            "postalCode": "5000", "addressLocality": "Odense C"}}


@pytest.mark.parametrize("item,venue,city,online,status", [
    (_ev(location=PLACE), "Tietgen, Nonnebakken 9, 5000 Odense C", "Odense C", False, "confirmed"),
    (_ev(location="Musikhuset Aarhus, Thomas Jensens Allé 2, 8000 Aarhus C"),
     "Musikhuset Aarhus, Thomas Jensens Allé 2, 8000 Aarhus C", "Aarhus C", False, "confirmed"),
    (_ev(location={"@type": "VirtualLocation", "url": "https://teams.microsoft.com/x"},
         eventAttendanceMode="https://schema.org/OnlineEventAttendanceMode"), None, None, True, "confirmed"),
    (_ev(location=[PLACE, {"@type": "VirtualLocation", "url": "https://x"}]),          # hybrid
     "Tietgen, Nonnebakken 9, 5000 Odense C", "Odense C", True, "confirmed"),
    (_ev(location=PLACE, eventStatus="https://schema.org/EventCancelled"),
     "Tietgen, Nonnebakken 9, 5000 Odense C", "Odense C", False, "cancelled"),
    (_ev(eventStatus="EventPostponed"), None, None, False, "postponed"),
    (_ev(eventStatus="https://schema.org/EventMovedOnline"), None, None, True, "confirmed"),
])
def test_schema_event_to_the_model(item, venue, city, online, status):
    ev = event_from_schema(item, "JSON-LD")
    assert (ev.venue.raw if ev.venue else None, ev.venue.city if ev.venue else None) == (venue, city)
    assert (ev.online, ev.status) == (online, status)
    assert ev.evidence["start"] == "JSON-LD: startDate 2025-03-12T09:30:00+01:00"


@pytest.mark.parametrize("item", [{"@type": "Event", "name": "Uden dato"}, {"@type": "Event", "startDate": "2025-01-01"}])
def test_a_schema_event_without_name_or_start_is_no_event(item):
    assert event_from_schema(item, "JSON-LD") is None


def _page(head="", body=""):
    return f"<html><head><title>x</title>{head}</head><body>{body}</body></html>"


def _ld(doc):
    return f'<script type="application/ld+json">{json.dumps(doc, ensure_ascii=False)}</script>'


@pytest.mark.parametrize("html,titles", [
    (_page(_ld(_ev())), ["Temadag"]),
    (_page(_ld({"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "KL"},
                                                            _ev(name="A"), _ev(name="B", startDate="2025-04-01")]})),
     ["A", "B"]),
    (_page(_ld({"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": _ev(name="I listen")}]})),
     ["I listen"]),
    (_page(_ld({"@type": "EducationEvent", "name": "Kursus", "startDate": "2025-05-01"})), ["Kursus"]),
    (_page(_ld({"@type": "NewsArticle", "headline": "Nyhed", "datePublished": "2025-01-01"})), []),
    (_page('<script type="application/ld+json">{"@type": "Event", "name": </script>'), []),   # broken JSON
    (_page(body='<div itemscope itemtype="https://schema.org/Event"><h2 itemprop="name">Mikrodata</h2>'
                '<time itemprop="startDate" datetime="2025-09-04T13:00">4. sep.</time></div>'), ["Mikrodata"]),
    (_page(_ld(_ev()), '<div itemscope itemtype="https://schema.org/Event"><h2 itemprop="name">Temadag</h2>'
                       '<meta itemprop="startDate" content="2025-03-12T09:30:00+01:00"></div>'), ["Temadag"]),  # once
    (_page(body="<h1>Ingen struktur</h1>"), []),
])
def test_events_in_markup(html, titles):
    assert [e.title for e in events_from_markup(html)] == titles


PAGE = """<html><head><title>Temadag om socialtilsyn</title>{ld}</head><body>
<nav><a href="/">Forside</a> <a href="/kurser-og-konferencer/">Kurser og konferencer</a></nav>
<h1>Temadag om socialtilsyn</h1>
<p>{when}</p><p>Sted: Tietgen, Nonnebakken 9, 5000 Odense C</p>
<p>Oplæg v/ Mette Lundgaard, direktør, Socialtilsyn Syd</p>
<p>Debat med Jonas Brink Madsen, formand for Socialudvalget</p></body></html>"""


def test_structured_date_and_place_text_speakers_and_evidence():
    ld = _ld(_ev(name="Temadag om socialtilsyn: kvalitet og tilsyn", endDate="2025-03-12T15:00:00+01:00",
                 location=PLACE))
    page = extract_page(PAGE.format(ld=ld, when="Onsdag den 12. marts 2025 kl. 9.30-15.00"), today=TODAY)
    (ev,) = page.events
    assert ev.title == "Temadag om socialtilsyn"                       # the heading as written
    assert ev.start == dt.datetime(2025, 3, 12, 9, 30, tzinfo=COPENHAGEN)
    assert [s.name for s in ev.speakers] == ["Mette Lundgaard", "Jonas Brink Madsen"]
    assert ev.evidence["start"].startswith("JSON-LD: startDate")
    assert ev.evidence["venue"].startswith("JSON-LD: location")
    assert ev.evidence["speakers"] == "text" and ev.evidence["title"] == "Temadag om socialtilsyn"
    assert ev.evidence["decided_by"] == "JSON-LD: start, end, venue; text: the rest"
    assert not ev.warnings


def test_where_they_disagree_the_data_decide_and_the_text_is_kept_as_a_warning():
    ld = _ld(_ev(name="Temadag om socialtilsyn", startDate="2025-03-19T09:30:00+01:00", location=PLACE))
    (ev,) = extract_page(PAGE.format(ld=ld, when="Onsdag den 12. marts 2025 kl. 9.30-15.00"), today=TODAY).events
    assert ev.start == dt.datetime(2025, 3, 19, 9, 30, tzinfo=COPENHAGEN)
    assert ev.warnings == ["the text says 2025-03-12T09:30:00+01:00; JSON-LD says 2025-03-19T09:30:00+01:00"]


def test_a_date_without_a_time_does_not_overrule_the_texts_time_that_day():
    ld = _ld(_ev(name="Temadag om socialtilsyn", startDate="2025-03-12"))
    (ev,) = extract_page(PAGE.format(ld=ld, when="Onsdag den 12. marts 2025 kl. 9.30-15.00"), today=TODAY).events
    assert ev.start == dt.datetime(2025, 3, 12, 9, 30, tzinfo=COPENHAGEN)
    assert not ev.evidence["start"].startswith("JSON-LD")


def test_the_data_give_the_year_the_text_left_out():
    ld = _ld(_ev(name="Temadag om socialtilsyn", startDate="2026-03-12T09:30:00+01:00"))
    (ev,) = extract_page(PAGE.format(ld=ld, when="Torsdag den 12. marts kl. 9.30-15.00"), today=TODAY).events
    assert ev.start.year == 2026 and not ev.year_inferred


def test_performers_are_speakers_only_when_the_text_names_none():
    ld = _ld(_ev(name="Netværksmøde", performer=[{"@type": "Person", "name": "Sofie Kragh", "jobTitle": "chefanalytiker"}]))
    html = _page(ld, "<h1>Netværksmøde</h1><p>Onsdag den 12. marts 2025 kl. 9.30</p><p>Tilmelding senest 1. marts.</p>")
    (ev,) = extract_page(html, today=TODAY).events
    assert [(s.name, s.role) for s in ev.speakers] == [("Sofie Kragh", "chefanalytiker")]
    assert ev.evidence["speakers"] == "JSON-LD: performer"


def test_an_event_only_the_data_announce_is_added():
    ld = _ld([_ev(name="Temadag om socialtilsyn"), _ev(name="Netværksmøde for tilsynsførende",
                                                       startDate="2025-05-06T13:00:00+02:00")])
    page = extract_page(PAGE.format(ld=ld, when="Onsdag den 12. marts 2025 kl. 9.30-15.00"), today=TODAY)
    assert [e.title for e in page.events] == ["Temadag om socialtilsyn", "Netværksmøde for tilsynsførende"]
    assert page.kind == "listing" and page.events[1].evidence["decided_by"] == "JSON-LD: every field"


FEED = (ROOT / "scraper" / "snapshot" / "www.vive.dk" / "da" / "arrangementer" / "kalender.ics")

ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//DA\r
BEGIN:VEVENT\r
UID:1@example.dk\r
DTSTAMP:20250101T080000Z\r
SUMMARY:Webinar: Housing First i praksis\r
DTSTART;TZID=Europe/Copenhagen:20250408T140000\r
DTEND;TZID=Europe/Copenhagen:20250408T153000\r
LOCATION:Online (Teams)\r
DESCRIPTION:Oplæg v/ seniorforsker Rikke Holm Bramsen\\, VIVE\\nDebat med ch\r
 efkonsulent Anders Tolstrup\\, Socialstyrelsen\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:2@example.dk\r
DTSTAMP:20250101T080000Z\r
SUMMARY:Årskonference 2025\r
DTSTART;VALUE=DATE:20250520\r
DTEND;VALUE=DATE:20250522\r
LOCATION:Nyborg Strand\\, Østersøvej 2\\, 5800 Nyborg\r
STATUS:CANCELLED\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:3@example.dk\r
DTSTAMP:20250101T080000Z\r
SUMMARY:Fyraftensmøde\r
DTSTART:20251104T150000Z\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_an_icalendar_feed_is_read_with_the_texts_speakers():
    assert is_icalendar(ICS.encode()) and is_icalendar("\ufeff" + ICS) and not is_icalendar("<html>BEGIN:VCALENDAR")
    page = extract_page(ICS.encode(), url="https://www.vive.dk/da/arrangementer/kalender.ics", today=TODAY,
                        is_html=True)
    assert page.kind == "listing" and page.source == "vive"
    web, conf, evening = page.events
    assert (web.start, web.end) == (dt.datetime(2025, 4, 8, 14, tzinfo=COPENHAGEN),
                                    dt.datetime(2025, 4, 8, 15, 30, tzinfo=COPENHAGEN))
    assert web.online and web.venue is None
    assert [(s.name, s.organization) for s in web.speakers] == [("Rikke Holm Bramsen", "VIVE"),
                                                                ("Anders Tolstrup", "Socialstyrelsen")]
    assert web.evidence["start"] == "iCalendar: DTSTART 20250408T140000" and web.evidence["speakers"] == "text"
    # an all-day DTEND is the day after the last day
    assert (conf.start, conf.end, conf.status) == (dt.date(2025, 5, 20), dt.date(2025, 5, 21), "cancelled")
    assert conf.venue.city == "Nyborg" and conf.evidence["status"] == "iCalendar: STATUS CANCELLED"
    assert evening.start == dt.datetime(2025, 11, 4, 16, 0, tzinfo=COPENHAGEN) and evening.end is None


def test_a_broken_feed_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="iCalendar"):
        extract_page(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", is_html=True)
    assert [e for e, _ in events_from_icalendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")] == []


def _html_pages():
    """The gold pages and the snapshot pages of the first four sites, none of which has structured data."""
    snapshot = ROOT / "scraper" / "snapshot"
    first_four = ("www.altinget.dk", "samu.dk", "socialraadgiverne.dk", "cfbu.dk")
    return sorted([*(ROOT / "tests" / "pages").glob("*.htm*"),
                   *(p for host in first_four for p in (snapshot / host).rglob("*") if p.suffix in (".html", ".aspx"))])


def test_pages_without_structured_data_read_exactly_as_before():
    """The hook is local: on a page with no structured data the reading is the text reader's, byte for byte."""
    pages = _html_pages()
    assert len(pages) >= 80
    for path in pages:
        html = path.read_bytes()
        assert not has_markup(html), path
        with_data = extract_page(html, url="https://example.dk/x", today=TODAY, is_html=True).to_json()
        text_only = extract_page(html, url="https://example.dk/x", today=TODAY, is_html=True,
                                 structured=False).to_json()
        assert with_data == text_only, path.name

"""The named passes, each on small line sequences: `classify` (what a line is), `segment` (lines -> items) and
`build_events` (items -> events). A failure here names the pass that changed, not just a page."""
import datetime as dt

import pytest

from extract.assemble import build_events
from extract.chrome import cut_chrome
from extract.lines import classify, classify_all
from extract.segment import segment
from extract.text import Line, lines_from_text


def _line(text: str, kind: str = "p") -> Line:
    return Line(text, 0, kind=kind)


# ---- classify: one line's features ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,features", [
    ("Tirsdag den 27. august 2019 kl. 09.30 - 12.30", {"anchor"}),
    ("Sted: IDA Mødecenter, Kalvebod Brygge 31-33, 1560 København V", {"label", "venue"}),
    ("v/ Trine Torp, socialordfører (SF) og Camilla Fabricius, socialordfører (S)", {"speakers"}),
    ("09.30-10.15 Velkomst og introduktion", {"slot"}),
    ("Tilmelding senest 1. maj 2024", set()),        # a deadline: a date, but no event's date
    ("Kontakt: Tine Bak Mortensen, tbm@socialraadgiverne.dk, tlf. 33 38 61 00", {"contact", "label"}),
    ("Halter kvaliteten i det nære sundhedsvæsen?", {"title"}),
    ("Gå til indhold", set()),                       # chrome: not a title
    ("Samfundsvidenskab > Arrangementer > Den svære beslutning", set()),  # a breadcrumb
    ("Konference på DPU:", set()),                   # a label over the title
])
def test_classify(text, features):
    inf = classify(_line(text), 1, True)
    got = {name for name in ("anchor", "label", "venue", "speakers", "slot", "contact", "title")
           if getattr(inf, name)}
    assert got == features, f"{text!r}: {got}"


# ---- segment: a page's kind and its items --------------------------------------------------------------------
def _infos(text: str):
    return cut_chrome(classify_all(lines_from_text(text)))


@pytest.mark.parametrize("text,kind,items", [
    # title first, then its date: a listing of two
    ("Ældreplejen efter anden bølge\n\nTirsdag den 11. maj 2021, 09.15 -12.00\n\n"
     "Psykiatri og misbrug\n\nTorsdag den 20. maj 2021, 09.15 -12.00\n", "listing", 2),
    # one date with a programme: one event
    ("Temadag om Barnets Lov\n\nTorsdag den 12. september 2024\n\n09.30-10.00 Ankomst\n\n10.00-11.00 Oplæg\n\n"
     "11.00-12.00 Debat\n", "event", 0),
    # date first, the title after (a calendar)
    ("12. marts 2025\n\nFyraftensmøde om gæld\n\n3. april 2025\n\nTemaaften om psykiatri\n", "listing", 2),
])
def test_segment(text, kind, items):
    got_kind, got_items = segment(_infos(text))
    assert (got_kind, len(got_items)) == (kind, items)


# ---- build_events: items to events ---------------------------------------------------------------------------
def _events(text: str, today=dt.date(2025, 1, 1)):
    return build_events(lines_from_text(text), today)[1]


def test_build_events_reads_when_where_who_of_a_single_event():
    (ev,) = _events("Fyraftensmøde om gæld\n\nTirsdag den 4. marts 2025 kl. 16.30-18.30\n\n"
                    "Sted: Dansk Socialrådgiverforening, Toldbodgade 19B, 1253 København K\n\n"
                    "Oplæg v/ Mette Hansen, gældsrådgiver, Aarhus Kommune\n")
    assert ev.title == "Fyraftensmøde om gæld"
    assert ev.start.isoformat() == "2025-03-04T16:30:00+01:00" and ev.end.isoformat() == "2025-03-04T18:30:00+01:00"
    assert (ev.venue.name, ev.venue.postal_code, ev.venue.city) == ("Dansk Socialrådgiverforening", "1253", "København K")
    assert [(s.name, s.role, s.organization) for s in ev.speakers] == [("Mette Hansen", "gældsrådgiver", "Aarhus Kommune")]


def test_build_events_gives_each_item_of_a_listing_its_own_people():
    events = _events("Ældreplejen efter anden bølge\n\nTirsdag den 11. maj 2021, 09.15 -12.00\n\n"
                     "v/ Mette Hansen, ældrechef\n\nPsykiatri og misbrug\n\nTorsdag den 20. maj 2021, 09.15 -12.00\n\n"
                     "v/ Lars Jensen, overlæge\n")
    assert [(e.title, [s.name for s in e.speakers]) for e in events] == [
        ("Ældreplejen efter anden bølge", ["Mette Hansen"]), ("Psykiatri og misbrug", ["Lars Jensen"])]


def test_build_events_finds_nothing_on_a_page_without_an_event():
    assert _events("Om netværket\n\nNetværket samler ledere fra kommunerne om de store spørgsmål i socialpolitikken.\n") == []


@pytest.mark.parametrize("text,venue", [
    ("Medlemsmøde\n\nonsdag 16. maj 2018 kl. 18-21\n\nI Borgerhuset, Ahlefeldtsgade, Rudkøbing\n",
     "Borgerhuset, Ahlefeldtsgade, Rudkøbing"),
    ("Årsmødet 2022\n\nScandic Sluseholmen i København den 27.-28. oktober 2022.\n", "Scandic Sluseholmen i København"),
    ("Generalforsamling\n\nAfdelingens generalforsamling den 2. april 2020 er udsat.\n", None),
])
def test_build_events_reads_the_place(text, venue):
    (ev,) = _events(text)
    assert (ev.venue.raw if ev.venue else None) == venue

"""No parser raises on arbitrary text (hypothesis), and every event it returns is well formed."""
import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract import extract_page
from extract.model import STATUSES
from extract.dates import find_dates, find_times, parse_danish_date
from extract.speakers import parse_speaker_list, prose_speakers, speaker_line
from extract.text import lines_from_html
from extract.venue import parse_venue

# Text made of the pieces these pages are built from, so the search reaches the grammar's corners.
PIECES = st.sampled_from([
    "v/ ", "V/", "ved ", "og ", ", ", "(S)", "(ikke bekræftet)", "(MØDESTED: ", ")", "kl. ", "09.15", "-", "–",
    "12.00", "den ", "5. ", "maj ", "2021", "Onsdag ", "tirsdag ", "27/8-", "Mette Hansen", "formand", "KL",
    "\n", "\n\n", "Kalvebod Brygge 31", "1560 København V", "Zoom", "AFLYST: ", "dato ikke endeligt bekræftet",
    "15.-17. november", "modereres af ", "debat med ", "31. februar", "99.99", "24:00", "0/0-0000", "(", ":",
    "Dag 1 – ", "torsdag den 13. november", " · ", " | ", "\t", "Hold 2 – holdstart ", "DIALOGMØDE\n", "AFLYST\n",
    "3/6", "Oplæg: ", "Kommentar: ", " fortæller om ", "Dansk Psykolog Forenings formand ", ", der ", "samt en ",
    "Vi har også inviteret ", "19. nov.\n", "Tid | Program", "direktør i LEV ", ". Samtalen ledes af ", "; ",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXT)
@example("Mette V/,")  # a cue with nothing after it once raised IndexError
def test_line_parsers_never_raise(text):
    find_dates(text)
    find_times(text)
    parse_danish_date(text, dt.date(2026, 11, 23))
    speaker_line(text)
    parse_speaker_list(text)
    prose_speakers(text)
    parse_venue(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXT)
def test_extract_page_never_raises_and_events_are_well_formed(text):
    try:
        page = extract_page(text, today=dt.date(2026, 11, 23), is_html=False)
    except ValueError:
        return  # empty pages are refused with a clear error
    for ev in page.events:
        j = ev.to_json()
        assert isinstance(j["title"], str)
        assert ev.status in STATUSES
        if ev.start and ev.end and type(ev.start) is type(ev.end):
            assert ev.end >= ev.start
        for s in ev.speakers:
            assert s.name.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_html_reader_never_raises(text):
    try:
        lines_from_html("<html><body><p>" + text + "</p></body></html>")
    except ValueError:
        pass

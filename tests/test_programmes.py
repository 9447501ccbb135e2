"""Day programmes: a festival's list of separate events versus a conference's sessions (extract/assemble.py)."""
import datetime as dt

from extract import extract_page

FESTIVAL = """Bibliotekernes program på Bogforum

FREDAG den 11. november 2016
Kl. 10:30
Biblioteket: Dannelse eller markedskonkurrent?
To kulturordførere – Mogens Jensen (A) og Britt Bager (V) – debatterer med formand Steen B. Andersen (A).
Moderator: Michel Steen-Hansen.
Kl. 11:15
Skåltale for biblioteker & forfattere: Jakob Vedelsby, Forfatterforeningen, i debat med Sanne Caft, Københavns Hovedbibliotek.
Kl. 13:00
Klassikerquiz med Adrian Hughes. Mød op og følg duellen!
LØRDAG den 12. november 2016
Kl. 10:30
Lektørudtalelserne set inde fra.
Lektør Christine Dahlgaard Christensen i samtale med Jan Michael Johansen.
"""

# the same day with a lunch break: a conference's sessions
CONFERENCE = FESTIVAL.split("LØRDAG")[0].replace("Kl. 13:00\nKlassikerquiz", "Kl. 12:00\nFrokost\nKl. 13:00\nKlassikerquiz")


def test_a_festival_programme_is_a_list_of_events():
    events = extract_page(FESTIVAL, today=dt.date(2016, 10, 1), is_html=False).events
    assert [(e.title, e.start.isoformat()) for e in events] == [
        ("Biblioteket: Dannelse eller markedskonkurrent?", "2016-11-11T10:30:00+01:00"),
        ("Skåltale for biblioteker & forfattere", "2016-11-11T11:15:00+01:00"),
        ("Klassikerquiz med Adrian Hughes.", "2016-11-11T13:00:00+01:00"),
        ("Lektørudtalelserne set inde fra.", "2016-11-12T10:30:00+01:00"),
    ]
    assert {s.name for s in events[0].speakers} == {"Mogens Jensen", "Britt Bager", "Steen B. Andersen",
                                                   "Michel Steen-Hansen"}
    assert {s.name for s in events[3].speakers} == {"Christine Dahlgaard Christensen", "Jan Michael Johansen"}


def test_a_programme_with_a_lunch_break_is_one_event():
    events = extract_page(CONFERENCE, today=dt.date(2016, 10, 1), is_html=False).events
    assert len(events) == 1

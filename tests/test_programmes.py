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


TWICE = """Fyraftensmøde: Barnets Lov – hvor blev barnets stemme af?

Dato
Tirsdag 6. maj og torsdag 8. maj 2025
Tid
Kl. 16.30-19.00

Mødet afholdes to gange: tirsdag den 6. maj i Aarhus og torsdag den 8. maj i København.

Aarhus: Camilla Steen Iversen, socialrådgiver, Randers Kommune
København: Dorthe Sahl Winther, socialrådgiver, Københavns Kommune
Ordstyrer begge steder: Marianne Hansen, journalist

Mødesteder
Aarhus: Dokk1, Hack Kampmanns Plads 2, 8000 Aarhus C
København: Dansk Socialrådgiverforening, Toldbodgade 19B, 1253 København K
"""

RUN = """Lærerforeningen afholder to valgmøder om folkeskolen:

• Torsdag den 26/10 kl. 16.30 – 19.00 på Hotel Falster, Nykøbing
• Torsdag den 2/11 kl. 16.30 – 19.00 i Bangs Have, Maribo

På møderne vil vi give kandidaterne lejlighed til at fortælle om deres planer for skolen.
"""


def test_a_meeting_held_twice_is_two_events_with_their_own_place_and_people():
    events = extract_page(TWICE, today=dt.date(2025, 4, 1), is_html=False).events
    assert [(e.start.isoformat(), e.venue.city) for e in events] == [
        ("2025-05-06T16:30:00+02:00", "Aarhus C"), ("2025-05-08T16:30:00+02:00", "København K")]
    assert {s.name for s in events[0].speakers} == {"Camilla Steen Iversen", "Marianne Hansen"}
    assert {s.name for s in events[1].speakers} == {"Dorthe Sahl Winther", "Marianne Hansen"}


def test_two_days_on_one_line_without_a_word_of_repetition_are_one_event():
    two_day = TWICE.split("Mødet afholdes")[0]
    assert len(extract_page(two_day, today=dt.date(2025, 4, 1), is_html=False).events) == 1


def test_a_run_of_dated_lines_with_places_is_one_event_per_line():
    events = extract_page(RUN, today=dt.date(2017, 10, 5), is_html=False).events
    assert [(e.start.isoformat(), e.venue.name) for e in events] == [
        ("2017-10-26T16:30:00+02:00", "Hotel Falster"), ("2017-11-02T16:30:00+01:00", "Bangs Have")]


STAND = """Folkemødet var linet op med en række debatter om sundhed, misbrug og trivsel blandt børn og unge.
TIDSPUNKT: Torsdag den 15. juni 2023 kl. 11-17 foran Grønbech Hotel (Folkescenen, N6)
Kl. 14.05 – 14.50 Frisættende, frygtelig, følsom – debat om overgangsalder [Sponsoreret af Astellas]
Anette Tønnes Petersen, overlæge, Rigshospitalet
Moderator: Mette Thorn Sørensen, Molecule
Kl. 15.05 – 15.50 En bedre fremtid med mindre misbrug
Ida Fabricius Bruun, direktør, Alkohol & Samfund
Moderator: Trine Petersen, Molecule
16.00-16.25 Søren Brostrøm i den varme stol med hemmelige gæster
Vært: Mette Thorn Sørensen, Molecule
16.30 – 17.00 Pigeværelser og drengeture
Kir S. Thomsen, Københavns Frie Promotere
"""


def test_a_stands_programme_of_timed_lines_is_a_list_of_events_at_the_days_place():
    events = extract_page(STAND, today=dt.date(2023, 5, 1), is_html=False).events
    assert [(e.title, e.start.strftime("%d/%m %H:%M")) for e in events] == [
        ("Frisættende, frygtelig, følsom – debat om overgangsalder", "15/06 14:05"),
        ("En bedre fremtid med mindre misbrug", "15/06 15:05"),
        ("Søren Brostrøm i den varme stol med hemmelige gæster", "15/06 16:00"),
        ("Pigeværelser og drengeture", "15/06 16:30")]
    assert all(e.venue and e.venue.raw == "foran Grønbech Hotel (Folkescenen, N6)" for e in events)
    assert {s.name for s in events[0].speakers} == {"Anette Tønnes Petersen", "Mette Thorn Sørensen"}


LIST_OF_TWO = """Offentliggørelse af de nye sundhedsprofilresultater i 2022

Sundhedsstyrelsen offentliggør de nationale resultater af Sundhedsprofilundersøgelsen 2021 den 10. marts 2022.
I Region Syddanmark afholder vi følgende to offentliggørelsesarrangementer:

  • Første arrangement er et politisk arrangement, der afholdes den 14. marts 2022 kl. 14.30 – 18.00 på Severin i Middelfart. Ved arrangementet offentliggøres resultaterne for politikere.
  • Andet arrangement er en administrativ temadag, der afholdes den 4. april 2022 kl. 9.00 – 16.00 på Severin i Middelfart. Arrangementet er for sundhedschefer og konsulenter.
"""


def test_list_items_that_each_say_when_and_where_are_events_of_their_own():
    events = extract_page(LIST_OF_TWO, today=dt.date(2022, 3, 1), is_html=False).events
    assert [(e.start.isoformat(), e.venue.name, e.venue.city) for e in events] == [
        ("2022-03-14T14:30:00+01:00", "Severin", "Middelfart"), ("2022-04-04T09:00:00+02:00", "Severin", "Middelfart")]


def test_a_second_event_announced_in_passing_is_an_event_of_its_own():
    text = ("Velfærdens stemme\n\nDerfor inviterer vi til et stort mobiliseringsmøde: Mandag 4. september 2017 kl. "
            "10.00 - 16 på Hotel Nyborg Strand, Østerøvej 2 i Nyborg.\n\nDerudover planlægger Virkelighedens Velfærd "
            "sammen med LO Storbyerne et stort landsdækkende Tillidsrepræsentantmøde onsdag 4. oktober 2017 – samt "
            "en eller flere demonstrationer.\n\nSidste år blev der afholdt en konference den 20. september 2016 om "
            "det samme emne, og den var godt besøgt af mange.\n")
    events = extract_page(text, today=dt.date(2017, 8, 1), is_html=False).events
    assert [(e.title, str(e.start)[:10]) for e in events] == [
        ("Velfærdens stemme", "2017-09-04"), ("Landsdækkende Tillidsrepræsentantmøde", "2017-10-04")]

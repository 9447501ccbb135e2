"""Whole-page readings that no single parser decides: articles, empty pages, sources from URLs."""
import datetime as dt

import pytest

from extract import extract_page, source_of

NEWS = """Sæt kryds i kalenderen: Boligsocial årskonference 2025

Den 6. marts 2025 samler CFBU hele det boligsociale felt i Nyborg. Programmet følger.

v/ Ditte Kjær Munk, Chefkonsulent, CFBU
"""


def test_a_news_item_announcing_an_event_is_read_for_its_event():
    # news items are often the only announcement of an event: the content decides, not /nyheder/ in the URL
    for url in ("https://cfbu.dk/nyheder/saet-kryds-aarskonference/", "https://www.altinget.dk/artikel/ny-kalender",
                "https://cfbu.dk/arrangementer/aarskonference/"):
        events = extract_page(NEWS, url=url, is_html=False).events
        assert [(ev.title, str(ev.start)) for ev in events] == [("Boligsocial årskonference 2025", "2025-03-06")]
    # an "about" page describes the network, its meetings are not announced there
    assert extract_page(NEWS, url="https://samu.dk/socialpolitisk-netvaerk/om-netvaerket/", is_html=False).events == []
    assert len(extract_page(NEWS, url="https://cfbu.dk/arrangementer/om-boligsocialt-arbejde/", is_html=False).events) == 1


def test_a_page_without_text_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="no text"):
        extract_page("<html><body><script>x()</script></body></html>", is_html=True)


@pytest.mark.parametrize("url,source", [
    ("https://www.altinget.dk/arena/netvaerk/social", "altinget"), ("http://samu.dk/alle-arrangementer/", "samu"),
    ("https://www.samu.dk/netvaerk/se-alle.aspx", "samu"), ("https://socialraadgiverne.dk/arrangementer/x/", "ds"),
    ("https://cfbu.dk/arrangementer/x/", "cfbu"), ("https://www.kl.dk/arrangementer/", "kl"),
    ("https://www.socialstyrelsen.dk/x", "sbst"), ("https://vive.dk.example.org/", "other"),
    ("https://www.example.dk/arrangementer/", "other"), (None, "other"),
])
def test_source_from_url(url, source):
    assert source_of(url) == source


def test_calendar_days_take_month_and_year_from_the_heading():
    text = "Kalender\n\nNovember 2023\n\nTirsdag 14.\n\nKL. 9:00\n\nSamråd: Om hjemløse (AFLYST)\n\nOnsdag 15.\n\nKonference: Socialpolitik"
    page = extract_page(text, today=dt.date(2026, 1, 1), is_html=False)
    assert [(e.title, str(e.start), e.status) for e in page.events] == [
        ("Samråd: Om hjemløse (AFLYST)", "2023-11-14 09:00:00+01:00", "cancelled"),
        ("Konference: Socialpolitik", "2023-11-15", "confirmed")]


CARDS = """Arrangementer

Viser 5 kommende arrangementer

Vis: Alle   Dialogmøder   Webinarer

DIALOGMØDE
Hjemløshed i Sønderjylland – dialogmøde med kommunerne
12.05.2025
Aabenraa
Læs mere

Temaaften
AFLYST
Stofindtagelsesrum uden for de store byer
28.08.2025
Esbjerg
Læs mere

WEBINAR
Sådan kan kommunen bruge en udsattepolitik
3/6 · kl. 10-11.30
Online
Læs mere

Netværk
Netværksmøde for socialrådgivere i jobcentre
Udsat – ny dato følger
Odense
Læs mere
"""


def test_listing_cards_with_a_type_label_and_a_badge_over_the_title():
    page = extract_page(CARDS, url="https://www.udsatte.dk/arrangementer/", today=dt.date(2025, 1, 10), is_html=False)
    got = {e.title: e for e in page.events}
    assert sorted(got) == ["Hjemløshed i Sønderjylland – dialogmøde med kommunerne",
                           "Netværksmøde for socialrådgivere i jobcentre",
                           "Stofindtagelsesrum uden for de store byer",
                           "Sådan kan kommunen bruge en udsattepolitik"]
    assert got["Stofindtagelsesrum uden for de store byer"].status == "cancelled"
    webinar = got["Sådan kan kommunen bruge en udsattepolitik"]
    assert (webinar.start.month, webinar.start.day, webinar.start.hour, webinar.online) == (6, 3, 10, True)
    moved = got["Netværksmøde for socialrådgivere i jobcentre"]
    assert moved.start is None and not moved.date_confirmed and moved.venue.city == "Odense"


OLD_SAMU = """Beskæftigelsespolitisk netværk - Møderække 2014/2015

Onsdag den 3. september 2014, 09.15 -12.00: Reformen af beskæftigelsesindsatsen – hvad betyder den for jobcentrene? v/ Lars Bjerregaard Holm, beskæftigelsesordfører (S) og Jonas Ebbesen, arbejdsmarkedsordfører (EL) (MØDESTED: IDA Mødecenter, Kalvebod Brygge 31-33, 1560 København V)

Onsdag den 8. oktober 2014, 09.15-12.00: Ressourceforløb og jobafklaring. Et år efter reformen gør vi status. v/ Hanne Gregersen, kontorchef, Styrelsen for Arbejdsmarked og Rekruttering (ikke bekræftet)
"""


def test_one_line_items_with_date_time_title_and_speakers():
    page = extract_page(OLD_SAMU, url="http://www.samu.dk/netvaerk/beskaeftigelse/moederaekke.aspx",
                        today=dt.date(2014, 8, 1), is_html=False)
    assert [e.title for e in page.events] == [
        "Reformen af beskæftigelsesindsatsen – hvad betyder den for jobcentrene?", "Ressourceforløb og jobafklaring."]
    first, second = page.events
    assert [s.name for s in first.speakers] == ["Lars Bjerregaard Holm", "Jonas Ebbesen"]
    assert first.venue.postal_code == "1560" and first.start.hour == 9 and first.start.minute == 15
    assert [(s.name, s.confirmed) for s in second.speakers] == [("Hanne Gregersen", False)]


TABLE = """<html><body><main><h1>Socialpolitisk netværk</h1><h2>Møderække efterår 2025</h2>
<table><tr><th>Dato</th><th>Emne</th><th>Oplægsholdere</th><th>Sted</th></tr>
<tr><td>Tirs. 9. sep.<br>kl. 9.30-12.30</td><td>Et år med den nye hjemløselov</td>
<td>Henrik Daugaard Toft, socialordfører (S)<br>Marianne Ebbesen, generalsekretær, Kirkens Korshær</td>
<td>Altinget, Ny Kongensgade 10, 1472 København K</td></tr>
<tr><td>1. okt.<br>kl. 9.30-12.30</td><td>Børnenes Lov i praksis</td><td>Signe Krogh Pallesen, seniorforsker, VIVE</td>
<td>Altinget, Ny Kongensgade 10, 1472 København K</td></tr></table></main></body></html>"""


def test_a_table_row_with_line_breaks_in_its_cells_is_one_item():
    page = extract_page(TABLE, url="https://www.altinget.dk/arena/netvaerk/social", today=dt.date(2026, 11, 23))
    assert [(e.title, e.start.date().isoformat()) for e in page.events] == [
        ("Et år med den nye hjemløselov", "2025-09-09"), ("Børnenes Lov i praksis", "2025-10-01")]  # year: heading
    assert [s.name for s in page.events[0].speakers] == ["Henrik Daugaard Toft", "Marianne Ebbesen"]


@pytest.mark.parametrize("line,status", [
    ("Udsat: Temaaftenen er udsat fra torsdag den 24. oktober til tirsdag den 26. november 2024 på grund af sygdom "
     "blandt oplægsholderne. Tidspunkt og sted er uændret.", "postponed"),
    ("Temaaftenen er desværre aflyst på grund af for få tilmeldte.", "cancelled"),
    ("Aflyst: Vi må desværre aflyse arrangementet, da oplægsholderen er blevet syg og ingen kan tage over.", "cancelled"),
    ("Temaaftenen er en del af en række møder om reformen, hvor vi ser nærmere på de nye regler.", "confirmed"),
])
def test_a_status_note_decides_whatever_its_length(line, status):
    text = f"Temaaften om beskæftigelsesreformen\n\nTirsdag den 26. november 2024 kl. 17-20\n\n{line}\n"
    (ev,) = extract_page(text, is_html=False).events
    assert ev.status == status


@pytest.mark.parametrize("text,day", [
    ("Artikel\n\n20. marts 2023\n\nÅrets begivenhed\n\nFor i år sætter de faglige selskaber fokus på relationsarbejdet. "
     "Fælleskonferencen afholdes den 25. og 26. oktober 2023 på Hotel Nyborg Strand. Du kan tilmelde dig nu.",
     "2023-10-25"),
    ("Debatmøde: Ny national skolelederuddannelse\n\nFORUM, Forum for fremtidens offentlige styring og ledelse, "
     "inviterer til debatmøde 28. marts 2017 på CBS. Forslaget blev diskuteret i Forum den 19. september sidste år.",
     "2017-03-28"),
])
def test_a_page_that_dates_its_event_only_in_a_sentence(text, day):
    (ev,) = extract_page(text, today=dt.date(2026, 12, 3), is_html=False).events
    assert str(ev.start)[:10] == day

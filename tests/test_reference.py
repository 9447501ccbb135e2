"""The page's own time places dates written without a year (extract/reference.py)."""
import datetime as dt

import pytest

from extract import extract_page
from extract.reference import dateline, page_reference, published_date, reference_date

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize("texts,url,expected", [
    (["Udgivet d. 6.9.2021"], None, (dt.date(2021, 9, 6), "the page's publication date")),
    (["Senest opdateret: søndag 21. marts 2021"], None, (dt.date(2021, 3, 21), "the page's publication date")),
    (["Publiceret 18 September 2019 1"], None, (dt.date(2019, 9, 18), "the page's publication date")),
    (["Publiceret 22 March 2019 10:00"], None, (dt.date(2019, 3, 22), "the page's publication date")),
    ([], "https://rudersdal.lokalavisen.dk/nyheder/2019-09-18/-Biblioteket-5786133.html",
     (dt.date(2019, 9, 18), "the date in the URL")),
    ([], "https://fagligsenior.dk/2021/03/21/vil-du-have-indflydelse/", (dt.date(2021, 3, 21), "the date in the URL")),
    ([], "https://www.altinget.dk/artikel/2011-6-16-folkemoedet", (dt.date(2011, 6, 16), "the date in the URL")),
    ([], "http://broenshoej.enhedslisten.dk/nyheder/2017/04/medlemsmode", (dt.date(2017, 4, 1), "the month in the URL")),
    ([], "https://www.kl.dk/nyheder/boern-og-folkeskole/2020/glaed-jer/", (dt.date(2020, 7, 1), "the year in the URL")),
    (["© 2020 Foreningen"], None, (dt.date(2020, 7, 1), "the copyright year")),
    (["Opdateret 30. marts 2023"], "https://x.dk/2019/05/side", (dt.date(2023, 3, 30), "the page's publication date")),
    (["Mødet holdes tirsdag 25. april"], "https://x.dk/arrangementer/moede/", None),
    (["Tilmelding senest 1. maj 2024"], None, None),  # a deadline is not a publication line
    ([], "https://x.dk/produkt/2017-serien/", None),  # a number in a slug is not a year of its own
])
def test_page_reference(texts, url, expected):
    assert page_reference(texts, url) == expected


def test_publication_line_needs_a_year():
    assert published_date("Opdateret 30. marts") is None
    assert published_date("Mødet er opdateret med nyt program 30. marts 2023") is None


def test_today_wins_when_the_page_is_not_older():
    assert reference_date(["© 2026"], None, TODAY) == (TODAY, None)
    assert reference_date(["Udgivet 1. januar 2027"], None, TODAY) == (TODAY, None)
    assert reference_date(["© 2020"], None, TODAY) == (dt.date(2020, 7, 1), "the copyright year")


def test_an_old_page_dates_its_event_in_its_own_year_and_says_so():
    text = "Medlemsmøde om sundhed\n\nTid: Tirsdag d. 25. april kl 19.30-21.30\nSted: Hyltebjerggård, Linde Allé 33\n"
    page = extract_page(text, url="http://example.dk/nyheder/2017/04/medlemsmoede", today=TODAY, is_html=False)
    (ev,) = page.events
    assert ev.start.date() == dt.date(2017, 4, 25)
    assert any("the month in the URL" in w for w in ev.warnings)
    # the same text read without the URL places the weekday near the day it was read
    (ev,) = extract_page(text, url=None, today=TODAY, is_html=False).events
    assert ev.start.year == 2028


@pytest.mark.parametrize("texts,expected", [
    (["14. januar 2020", "Glæd jer til KL's Børn & Unge Topmøde 2020",
      "Den 30.-31. januar 2020 byder KL velkommen til det årlige topmøde i Aalborg."], 0),
    (["Rådet på Folkemødet 2017", "02. jun. 2017", "Rådet deltager på årets Folkemøde.",
      "Fredag den 16. juni, kl. 10.30 - 11.30 i Eventteltet (J32): Hører demokratiet de udsattes stemmer?"], 1),
    # a listing's first item: its date line has company further down
    (["14. januar 2026", "Temamøde om hjemløshed", "20. februar 2026", "Konference om ensomhed"], None),
    # the event's own date, with nothing announced after it
    (["Konference om psykiatri", "14. januar 2026", "Sted: Odense"], None),
    (["Tirsdag 14. januar 2026", "Temamøde", "Næste møde 20. februar 2026 i prosa om noget."], None),  # a weekday: an event
])
def test_dateline(texts, expected):
    assert dateline(texts) == expected


def test_a_date_over_an_event_card_is_the_events_even_with_later_background_dates():
    texts = ["27 jun 2023", "Fyraftensdebat · Region Øst", "Fyraftensdebat med borgmestrene", "Hvordan sikrer vi ...",
             "De borgere, som har de mest komplekse problemer ...", "Københavns Kommune er ingen undtagelse.",
             "Folketinget har i juni vedtaget en lov, der træder i kraft 1. juli 2023."]
    assert dateline(texts) is None


def test_a_time_stamp_to_the_minute_under_the_headline_is_when_the_item_was_posted():
    texts = ["Håndværkere og vognmænd inviterer til erhvervspolitisk Topmøde", "Torsdag 12. oktober 2017 kl: 12:16",
             "Trafik, parkering og trængsel", "Frank Jensen (A), overborgmester", "Jakob Næsager (C)", "Niko Grünfeld (AL)",
             "Debatmødet foregår onsdag 1. november klokken 17-19 i Moltkes Palæ, Dr. Tværgade 2 i København."]
    assert dateline(texts) == 1
    texts[1] = "Torsdag 12. oktober 2017 kl. 12:00"  # a round hour is an event's time
    assert dateline(texts) is None

"""Titles (extract/titles.py): kickers taken off, the page's own title chosen among candidates."""
import pytest

from extract.chrome import cut_chrome
from extract.lines import classify_all
from extract.text import join_split_dates, lines_from_text
from extract.titles import clean_title, page_title


@pytest.mark.parametrize("raw,title", [
    ("Sæt kryds i kalenderen: Boligsocial årskonference 2025", "Boligsocial årskonference 2025"),
    ("Glæd jer til KL's Børn & Unge Topmøde 2020", "KL's Børn & Unge Topmøde 2020"),
    ("Program for Sundhedstopmødet 2023", "Sundhedstopmødet 2023"),
    ("Tema: Tiårsplanen for psykiatrien – hvor langt er vi nået?", "Tiårsplanen for psykiatrien – hvor langt er vi nået?"),
    ("Sammen med andre organisationer inviterer Børnesagen til debat på Folkemødet:“Kan vi leve med, at børn "
     "i Danmark oplever fattigdom?”", "Kan vi leve med, at børn i Danmark oplever fattigdom?"),
    ("Frirumsdebat: Favner vores integration det mangfoldige?", "Frirumsdebat: Favner vores integration det mangfoldige?"),
    ("Invitation til temadag om udsatte børn", "Invitation til temadag om udsatte børn"),
])
def test_clean_title(raw, title):
    assert clean_title(raw)[0] == title


def _title(text: str) -> str | None:
    return page_title(cut_chrome(classify_all(join_split_dates(lines_from_text(text)))))[1]


@pytest.mark.parametrize("text,title", [
    # a venue over its address is not the title
    ("Faaborg Bibliotek\n\nHerregårdscentret 17, Faaborg\n\nTorsdag den 10. oktober 2024, kl. 15.30-18.\n\nAndet\n\n"
     "Kampklar - eller hvad?\n\nEn debateftermiddag for alle, der interesserer sig for de politiske og menneskelige "
     "konsekvenser af den nye situation i verden og for Danmarks forsvar.", "Kampklar - eller hvad?"),
    # a line broken at a preposition is not a heading
    ("Årsmødet 2022\n\nÅrsmødet 2022 bliver afholdt på\n\nScandic Sluseholmen i København den 27.-28. oktober 2022.",
     "Årsmødet 2022"),
    # the theme under the event's name is not the name
    ("Årsmødet 2022\n\nTEMA: Hvordan får vi ressourcer og reformer til at hænge sammen?\n\n"
     "Scandic Sluseholmen i København den 27.-28. oktober 2022.", "Årsmødet 2022"),
    # a page saved without blank lines: the line right above its date line
    ("Kalender\nVelkommen til vores kalender – her finder du en oversigt over kommende arrangementer og begivenheder.\n"
     "26. august\nFrirumsdebat: Favner vores integration det mangfoldige?\nFredag den 26. august 2022, kl. 15.00 – 16.00.",
     "Frirumsdebat: Favner vores integration det mangfoldige?"),
])
def test_page_title(text, title):
    assert _title(text) == title


@pytest.mark.parametrize("text,title", [
    ("Den svære beslutning – Københavns Universitet\n\nSamfundsvidenskab > Arrangementer > Den svære beslutning\n\n"
     "Den svære beslutning\n\nPå grundlag af et spændende studie af sagsbehandlernes arbejde præsenterer vi en ny "
     "antologi om de svære beslutninger i socialt arbejde med udsatte børn og familier.", "Den svære beslutning"),
    ("Konference på DPU:\n\nTrivsel og mistrivsel blandt børn og unge\n\nKonference 27. marts 2023 i København\n\n"
     "Der har bredt sig en national opfattelse af, at mistrivslen blandt børn og unge er stigende, og det vil vi se på.",
     "Trivsel og mistrivsel blandt børn og unge"),
    ("Informationsmøde for kandidater\n\nTidspunkt Ikon\n\nDato: 12-09-2017\n\nTid: 17:00 - 18:30",
     "Informationsmøde for kandidater"),
])
def test_breadcrumbs_labels_and_icons_are_no_titles(text, title):
    assert _title(text) == title


def test_a_quoted_name_the_page_invites_to_when_there_is_no_heading():
    from extract import extract_page
    text = ('Lørdag 5. februar 2022 inviterer Røde Kors til "Frivilligdag 2022" i Kulturhuset i Hjallerup. Der er '
            'flere prominente besøg på dagen, der indledes klokken 9.30 med oplæg og debat om frivilligheden.')
    assert [e.title for e in extract_page(text, is_html=False).events] == ["Frivilligdag 2022"]


def test_a_date_at_the_end_of_a_title_is_taken_off():
    assert clean_title("Sæt kryds i kalenderen: Boligsocial årskonference 2026 den 5. marts")[0] == \
        "Boligsocial årskonference 2026"
    assert clean_title("Møde den 5. marts")[0] == "Møde den 5. marts"  # too little left to be a title

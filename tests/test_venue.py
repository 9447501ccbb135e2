"""Places as pages write them (extract/venue.py): a table of real-shaped lines."""
import pytest

from extract.venue import is_named_venue, named_venue, parse_venue, place_after_date


@pytest.mark.parametrize("tail,place", [
    (" kl. 14.30 – 18.00 på Severin i Middelfart. Ved arrangementet ...", None),  # the time is taken off first
    (" på Severin i Middelfart. Ved arrangementet offentliggøres", "Severin i Middelfart"),
    (" på Ungdomsgården i Grindsted, og ti partier har meldt deres ankomst.", "Ungdomsgården i Grindsted"),
    (" i Sct. Jørgens sognegård/kirke.", "Sct. Jørgens sognegård"),
    (" i Kæmpestrandens Eventtelt (J32): Hører demokratiet", "Kæmpestrandens Eventtelt (J32)"),
    (" i auditoriet på Metropol, Kronprinsesse Sofies Vej 35 på Frederiksberg med en reception",
     "auditoriet på Metropol, Kronprinsesse Sofies Vej 35 på Frederiksberg"),
    (" på Fællessalen på Christiansborg.", "Fællessalen på Christiansborg"),
    (" i Røgeriets Eventtelt 3 (F8). Debatten", "Røgeriets Eventtelt 3 (F8)"),
    (" på Hotel Nyborg Strand. Du kan tilmelde dig nu.", "Hotel Nyborg Strand"),
    (" på Hotel Nyborg Strand, Østerøvej 2 i Nyborg.", "Hotel Nyborg Strand, Østerøvej 2 i Nyborg"),
    (" i ODEON i Odense. Konferencen henvender sig", "ODEON i Odense"),
    (" foran Grønbech Hotel (Folkescenen, N6)", "foran Grønbech Hotel (Folkescenen, N6)"),
    (" i hele landet", None),
    (", og alle er velkomne", None),
])
def test_place_after_date(tail, place):
    assert place_after_date(tail) == place


@pytest.mark.parametrize("line,place", [
    ("EU-debatmøde på Hårslev Efterskole", "Hårslev Efterskole"),
    ("Vi mødes i Trige Sognegård til en samtale om svære valg.", "Trige Sognegård"),
    ("Kom til debat i Maribohallerne", "Maribohallerne"),
    ("Festen holdes i Arbejdermuseets festsal", "Arbejdermuseets festsal"),
    ("Debatten foregår i Kæmpestrandens Debattelt", "Kæmpestrandens Debattelt"),
    ("Hillerød Bibliotek skulle på mandag 28. september have haft besøg af justitsministeren.", "Hillerød Bibliotek"),
    ("Biblioteket og virkeligheden på nettet: Kend din netprofil.", None),  # a common noun opens the sentence
    ("Mødet holdes i København", None),  # a town is not a named venue
    ("Oplæg ved Mette Hansen fra Aarhus Kommune", None),
])
def test_named_venue(line, place):
    assert named_venue(line) == place


@pytest.mark.parametrize("raw,name,city,postal", [
    ("Severin i Middelfart", "Severin", "Middelfart", None),
    ("IDA Mødecenter, Kalvebod Brygge 31-33, 1560 København V", "IDA Mødecenter", "København V", "1560"),
    ("Altingets Gård", "Altingets Gård", None, None),
])
def test_parse_venue(raw, name, city, postal):
    v = parse_venue(raw)
    assert (v.name, v.city, v.postal_code) == (name, city, postal)


def test_a_named_venue_is_not_a_town():
    assert is_named_venue("Altingets Gård") and is_named_venue("Faaborg Bibliotek")
    assert not is_named_venue("Odense")

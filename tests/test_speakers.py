"""Speaker lines as the organisers write them → name, role, organisation, party, confirmed, moderator.

Each row: the line, then one tuple per expected speaker:
(name, words that must appear in role+organisation, party, confirmed, moderator).
"""
import pytest

from extract.speakers import parse_speaker_list, prose_speakers, speaker_line

LINES = [
    ("V/ Trine Torp, socialordfører (SF), Camilla Fabricius, socialordfører (S), Marlene Ambo-Rasmussen, "
     "familie- og trivselsordfører (V), Karina Adsbøl, socialordfører (DF) og Mette Thiesen, socialordfører (NB)",
     [("Trine Torp", "socialordfører", "SF", True, False),
      ("Camilla Fabricius", "socialordfører", "S", True, False),
      ("Marlene Ambo-Rasmussen", "familie- og trivselsordfører", "V", True, False),
      ("Karina Adsbøl", "socialordfører", "DF", True, False),
      ("Mette Thiesen", "socialordfører", "NB", True, False)]),
    ("v/ Torben Tranæs, formand for Ydelseskommissionen (MØDESTED: IDA Mødecenter, Kalvebod Brygge 31-33, "
     "1560 København V)",
     [("Torben Tranæs", "formand Ydelseskommissionen", None, True, False)]),
    ("v/ KL Direktør, Christian Harsløf, Rasmus Kjeldahl, direktør, Børns Vilkår og Mads Bilstrup, Formand, "
     "Socialrådgiverne (MØDESTED: SOHO, Flæsketorvet 68. 1711 København V)",
     [("Christian Harsløf", "direktør KL", None, True, False),
      ("Rasmus Kjeldahl", "direktør Børns Vilkår", None, True, False),
      ("Mads Bilstrup", "formand Socialrådgiverne", None, True, False)]),
    ("v/ Ulrik Wilbek, formand, KL's socialudvalg og borgmester, Viborg",
     [("Ulrik Wilbek", "formand KL's socialudvalg borgmester Viborg", None, True, False)]),
    ("v/Jesper Fisker, Administrerende direktør, Kræftens Bekæmpelse og Kenneth Kamp Butzbach, generalsekretær, ISOBRO",
     [("Jesper Fisker", "administrerende direktør kræftens bekæmpelse", None, True, False),
      ("Kenneth Kamp Butzbach", "generalsekretær isobro", None, True, False)]),
    ("v/ Lars Qvortrup, Professor, DPU, Aarhus Universitet, Eva Secher Mathiasen, formand Dansk Psykolog Forening "
     "(ikke bekræftet), Lars Løkke Rasmussen, MF (løsgænger)(ikke bekræftet), Jacob Mark, MF (SF) (ikke bekræftet)",
     [("Lars Qvortrup", "professor dpu aarhus universitet", None, True, False),
      ("Eva Secher Mathiasen", "formand dansk psykolog forening", None, False, False),
      ("Lars Løkke Rasmussen", "mf", "UFG", False, False),
      ("Jacob Mark", "mf", "SF", False, False)]),
    ("Joy Mogensen, Borgmester Roskilde (S) og formand for KL's Socialudvalg",
     [("Joy Mogensen", "borgmester roskilde", "S", True, False)]),
    ("Michael Ziegler, borgmester, Høje Taastrup Kommune",
     [("Michael Ziegler", "borgmester høje taastrup kommune", None, True, False)]),
    ("Frank Cloyd Ebsen, docent, Institut for Socialt Arbejde, Professionshøjskolen Metropol, ",
     [("Frank Cloyd Ebsen", "docent institut for socialt arbejde professionshøjskolen metropol", None, True, False)]),
    ("Workshop: Jobcenter Lærkevej – fra 225 til 50 sager, v/ afdelingschef Mette Landbo og socialrådgiver "
     "Isabell Langhoff",
     [("Mette Landbo", "afdelingschef", None, True, False),
      ("Isabell Langhoff", "socialrådgiver", None, True, False)]),
    ("Workshop: Socialrådgivning på handicapområdet, v/ professor Kjeld Høgsbro, Aalborg Universitet",
     [("Kjeld Høgsbro", "professor aalborg universitet", None, True, False)]),
    ("Workshop: Lær at skrive et læserbrev, v/ Janne Tynell og Bjarke Christiansen, DS",
     [("Janne Tynell", "ds", None, True, False), ("Bjarke Christiansen", "ds", None, True, False)]),
    ("v/ Claus Julius, Backboneleder, Medvind i Østerbyen Tine Nørholm Larsen, Specialkonsulent, Medvind i Østerbyen",
     [("Claus Julius", "backboneleder medvind i østerbyen", None, True, False),
      ("Tine Nørholm Larsen", "specialkonsulent medvind i østerbyen", None, True, False)]),
    ("Niels Svankjær Christiansen, Sektionsleder, National afd., Røde Kors.",
     [("Niels Svankjær Christiansen", "sektionsleder røde kors", None, True, False)]),
    ("Karsten Rieder, Direktør i Business Esbjerg",
     [("Karsten Rieder", "direktør business esbjerg", None, True, False)]),
    ("(Faciliteres af Morten Bay Kjeldsen, partner, Samuelsen)",
     [("Morten Bay Kjeldsen", "partner samuelsen", None, True, True)]),
    ("v/ Sanne Højlund Riis, MF, Socialdemokratiet og formand for Social- og Indenrigsudvalget, og Thomas Ravn "
     "Eriksen, direktør, De Anbragtes Vilkår",
     [("Sanne Højlund Riis", "mf formand", "S", True, False),
      ("Thomas Ravn Eriksen", "direktør de anbragtes vilkår", None, True, False)]),
    ("V/ Niels Christian Lind, direktør, Det Kriminalpræventive Råd, Maja Thorsen Bak, MF, Venstre (ikke bekræftet) "
     "og Ole Hjorth Svendsen, MF, løsgænger",
     [("Niels Christian Lind", "direktør det kriminalpræventive råd", None, True, False),
      ("Maja Thorsen Bak", "mf", "V", False, False),
      ("Ole Hjorth Svendsen", "mf", "UFG", True, False)]),
    ("Pia Holm Andersen, socialordfører, SF, Torben Lyng Mikkelsen, finansordfører, Venstre, Ditte Brøndum Krag, "
     "socialordfører, Radikale Venstre",
     [("Pia Holm Andersen", "socialordfører", "SF", True, False),
      ("Torben Lyng Mikkelsen", "finansordfører", "V", True, False),
      ("Ditte Brøndum Krag", "socialordfører", "RV", True, False)]),
    ("v/ social- og boligminister Sophie Hæstorp Andersen (S)",
     [("Sophie Hæstorp Andersen", "social- og boligminister", "S", True, False)]),
    ("Aftenens taler: Karen Lumholt Brix, generalsekretær, Dansk Ungdoms Fællesråd",
     [("Karen Lumholt Brix", "generalsekretær dansk ungdoms fællesråd", None, True, False)]),
    ("Ordstyrer: Mette Frost, journalist, Altinget",
     [("Mette Frost", "journalist altinget", None, True, True)]),
    ("ved socialrådgiver Anne-Marie Bøgh og teamleder Jonas Kirkegaard, Aabenraa Kommune",
     [("Anne-Marie Bøgh", "socialrådgiver aabenraa kommune", None, True, False),
      ("Jonas Kirkegaard", "teamleder aabenraa kommune", None, True, False)]),
    ("v. Maja Fenger", [("Maja Fenger", "", None, True, False)]),
    ("Oplæg fra Mette Grønbæk-Lund, lektor ved Københavns Professionshøjskole",
     [("Mette Grønbæk-Lund", "lektor københavns professionshøjskole", None, True, False)]),
    ("14.15-15.15 Debat: Hvem har ansvaret? Med deltagelse af Jens Peter Riis, driftschef, FAB, Marlene Kaae "
     "Andersen, forebyggelseskonsulent, Fyns Politi. Ordstyrer: Mette Skjold Larsen, chefkonsulent, CFBU",
     [("Jens Peter Riis", "driftschef fab", None, True, False),
      ("Marlene Kaae Andersen", "forebyggelseskonsulent fyns politi", None, True, False),
      ("Mette Skjold Larsen", "chefkonsulent cfbu", None, True, True)]),
    ("Tina Gade, SSP-leder, Aarhus Kommune,",
     [("Tina Gade", "ssp-leder aarhus kommune", None, True, False)]),
    ("Anders Bech Jørgensen, psykiatriordfører (Ø) og medlem af Folketingets Sundheds- og Ældreudvalg",
     [("Anders Bech Jørgensen", "psykiatriordfører", "EL", True, False)]),
    ("Oplægsholdere: Mette Frederiksen – statsminister (S) og Jens Hansen – direktør, Børns Vilkår",
     [("Mette Frederiksen", "statsminister", "S", True, False),
      ("Jens Hansen", "direktør børns vilkår", None, True, False)]),
    ("Oplægsholdere: Sidsel Vinkel Holm (chefpsykolog, Børns Vilkår), Jakob Lykke Winther (professor, DPU)",
     [("Sidsel Vinkel Holm", "chefpsykolog børns vilkår", None, True, False),
      ("Jakob Lykke Winther", "professor dpu", None, True, False)]),
    ("Workshop 2: Fædre som ressource v/ Kasim Ali Demir, projektkoordinator, Foreningen Far",
     [("Kasim Ali Demir", "projektkoordinator foreningen far", None, True, False)]),
    ("Dagens moderator: Karen Storm Jessen, journalist",
     [("Karen Storm Jessen", "journalist", None, True, True)]),
    ("Debatten modereres af Tine Guldager Hviid, journalist, DR.",
     [("Tine Guldager Hviid", "journalist dr", None, True, True)]),
    ("Med socialpædagog Camilla Borup Nissen og beboer Kim Rask, begge fra Bostedet Lysningen",
     [("Camilla Borup Nissen", "socialpædagog bostedet lysningen", None, True, False),
      ("Kim Rask", "beboer bostedet lysningen", None, True, False)]),
    ("v/ dr. Sara Lindgaard Behrens (overlæge, Rigshospitalet)",
     [("Sara Lindgaard Behrens", "overlæge rigshospitalet", None, True, False)]),
    ("v. cand.scient.soc. Mikkel Grønbæk Holst, chefkonsulent i KL",
     [("Mikkel Grønbæk Holst", "chefkonsulent kl", None, True, False)]),
    ("Minister for børn og socialforhold Karen Munk Valentin (V)",
     [("Karen Munk Valentin", "minister for børn og socialforhold", "V", True, False)]),
    ("Oplæg ved seniorforsker Mette Lindholm Aagaard og professor Bjarne Hviid Kirkegaard (Københavns Universitet)",
     [("Mette Lindholm Aagaard", "seniorforsker", None, True, False),
      ("Bjarne Hviid Kirkegaard", "professor københavns universitet", None, True, False)]),
    ("Mette Hansen, beskæftigelsesordfører (A), Søren Sørensen, MF (Å)",
     [("Mette Hansen", "beskæftigelsesordfører", "S", True, False),
      ("Søren Sørensen", "mf", "ALT", True, False)]),
]


def _words(s):
    return set((s or "").lower().replace(",", " ").replace("'s", "'s").split())


@pytest.mark.parametrize("line,want", LINES, ids=[x[0][:50] for x in LINES])
def test_speaker_line(line, want):
    got = speaker_line(line)
    assert got is not None, f"no speakers read from {line!r}"
    speakers = got[0]
    assert [s.name for s in speakers] == [w[0] for w in want]
    for s, (name, affil, party, confirmed, moderator) in zip(speakers, want):
        have = _words(s.role) | _words(s.organization)
        assert _words(affil) <= have, f"{name}: {affil!r} not in {s.role!r} / {s.organization!r}"
        assert (s.party, s.confirmed, s.moderator) == (party, confirmed, moderator), name


NOT_SPEAKERS = [
    "Frans Ørsted, der blandt andet har forsket i trivsel, læringsmiljøer, relationskompetencer og inklusion, "
    "vil på dagens møde fortælle om, hvordan uddannelse kan være et led i en helhedsorienteret indsats.",
    "Ved tilmelding skal du angive hvilke workshops, du ønsker at deltage i.",
    "Rasmus Schnedler-Meyer",
    "Kontakt: Rasmus Schnedler-Meyer, netværksansvarlig, tlf. 33 12 34 56",
    "Altinget, Ny Kongensgade 10, 1472 København K, 30. oktober 2019 kl. 09.30 - 12.30",
    "Høje Taastrup Kommune, Bygaden 2, 2630 Taastrup",
    "Med hele 9 workshops at vælge imellem, er der forhåbentlig noget for dig!",
    "Gladsaxe Kommunes bydelsarbejde ”En By i Social Balance”",
    "Information om gæst tilgår",
]


@pytest.mark.parametrize("line", NOT_SPEAKERS)
def test_not_a_speaker_line(line):
    assert speaker_line(line) is None


def test_prose_debate_with_titles_before_names():
    text = ("LFS, SL Storkøbenhavn, HK Kommunal Hovedstaden og Dansk Socialrådgiverforening Region Øst inviterer til "
            "debat med overborgmester Sophie Hæstorp Andersen, socialborgmester Karina Vestergård Madsen og "
            "beskæftigelses- og integrationsborgmester Jens-Kristian Lütken, som samlet og hver for sig har en rolle.")
    got = [(s.name, s.role) for s in prose_speakers(text)]
    assert got == [("Sophie Hæstorp Andersen", "overborgmester"),
                   ("Karina Vestergård Madsen", "socialborgmester"),
                   ("Jens-Kristian Lütken", "beskæftigelses- og integrationsborgmester")]


def test_prose_moderator():
    (s,) = prose_speakers("Debatten modereres af Stine Brix, chef for Politik og Kommunikation i Dansk "
                          "Socialrådgiverforening.")
    assert (s.name, s.moderator, s.organization) == ("Stine Brix", True, "Dansk Socialrådgiverforening")


def test_hosts_are_moderators_and_keep_both_roles():
    got = prose_speakers("Dagens værter er journalist og studievært Camilla Thorup Nørgaard og socialrådgiver og "
                         "komiker Mikkel Bøgelund, der guider os gennem begge dage.")
    assert [(s.name, s.role, s.moderator) for s in got][:2] == [
        ("Camilla Thorup Nørgaard", "journalist og studievært", True),
        ("Mikkel Bøgelund", "socialrådgiver og komiker", True)]


def test_list_without_cue():
    got = parse_speaker_list("Rikke Engly Mygind, Chefkonsulent, CFBU")
    assert [(s.name, s.role, s.organization) for s in got] == [("Rikke Engly Mygind", "Chefkonsulent", "CFBU")]


# An organisation in the genitive before the role: role and organisation apart, the genitive s dropped.
ORG_BEFORE_ROLE = [
    ("Oplæg v/ Dansk Psykolog Forenings formand, Eva Secher Mathiasen",
     [("Eva Secher Mathiasen", "formand", "Dansk Psykolog Forening")]),
    ("Velkomst ved KLs formand Martin Damm", [("Martin Damm", "formand", "KL")]),
    ("Oplæg v/ Socialstyrelsens direktør Anne Hjortsø og Rådet for Socialt Udsattes formand Jann Sjursen",
     [("Anne Hjortsø", "direktør", "Socialstyrelsen"), ("Jann Sjursen", "formand", "Rådet for Socialt Udsatte")]),
    ("Debatten modereres af Altingets redaktør Mads Bjerre.", [("Mads Bjerre", "redaktør", "Altinget")]),
    ("v/ Børns Vilkårs direktør Rasmus Kjeldahl", [("Rasmus Kjeldahl", "direktør", "Børns Vilkår")]),
    ("Velkommen v/ Kofoeds Skoles forstander Peter Sundstrup",
     [("Peter Sundstrup", "forstander", "Kofoeds Skole")]),
    # "Oplæg v/" is one cue: the v/ is not the first speaker's role
    ("Oplæg v/ Mette Hansen, direktør, Børns Vilkår", [("Mette Hansen", "direktør", "Børns Vilkår")]),
]


@pytest.mark.parametrize("line,want", ORG_BEFORE_ROLE, ids=[x[0][:50] for x in ORG_BEFORE_ROLE])
def test_organisation_in_the_genitive_before_the_role(line, want):
    found = speaker_line(line)
    assert found is not None
    assert [(s.name, s.role, s.organization) for s in found[0]] == want


def test_a_party_in_the_genitive_is_the_party():
    found = speaker_line("Oplæg v/ Venstres socialordfører Jane Heitmann og SFs socialordfører Trine Torp")
    assert [(s.name, s.role, s.organization, s.party) for s in found[0]] == [
        ("Jane Heitmann", "socialordfører", None, "V"), ("Trine Torp", "socialordfører", None, "SF")]


# Running text that names the speakers after a cue: the people, with the words that must be in role+organisation.
PROSE = [
    ("Oplægsholder er socialrådgiver og forfatter Maja Kjærgaard Lund, der i bogen har fulgt syv unge.",
     [("Maja Kjærgaard Lund", "socialrådgiver forfatter")]),
    ("Efter pausen tager Henrik Bæk Thomsen over. Han er lektor på UCN.", [("Henrik Bæk Thomsen", "")]),
    ("Panelet består af Karina Juhl Sørensen, Peter Schou Lauridsen og Tina Riis Mølbak, børneordfører (SF), "
     "samt en repræsentant for Børns Vilkår (navn følger).",
     [("Karina Juhl Sørensen", ""), ("Peter Schou Lauridsen", ""), ("Tina Riis Mølbak", "børneordfører")]),
    ("Vi starter med spisning og et kort oplæg ved forperson Lars-Ole Damgaard om arbejdsmiljø og sagstal.",
     [("Lars-Ole Damgaard", "forperson")]),
    ("IPS-konsulent Maria Lund Sørensen, Vejle Kommune, fortæller om erfaringerne med job med støtte.",
     [("Maria Lund Sørensen", "ips-konsulent vejle kommune")]),
    ("DH's formand, Thorkild Brandt-Jessen, åbner mødet og giver et bud på, hvor reformen rammer skævt.",
     [("Thorkild Brandt-Jessen", "formand")]),
    ("Fra kommunal side fortæller socialdirektør Henrik Overgaard Nim, Esbjerg Kommune, om kommunens model.",
     [("Henrik Overgaard Nim", "socialdirektør esbjerg kommune")]),
    ("En dag om unge. Blandt oplægsholderne er Lasse Brøndum Krogh, lektor, Center for Rusmiddelforskning.",
     [("Lasse Brøndum Krogh", "lektor center for rusmiddelforskning")]),
    ("Oplæg ved psykolog Trine Kjær Abildgaard om, hvordan du som forælder kan støtte dit barn.",
     [("Trine Kjær Abildgaard", "psykolog")]),
    ("Psykolog Line Vestergaard og pårørenderådgiver Jens Kragh fra Bedre Psykiatri fortæller om, hvordan man "
     "passer på sig selv.", [("Line Vestergaard", "psykolog"), ("Jens Kragh", "pårørenderådgiver")]),
]


def test_someone_invited_who_has_not_confirmed():
    found = prose_speakers("Vi har også inviteret Danmarksdemokraternes handicapordfører, Mette Skou Dalsgaard, "
                           "som endnu ikke har bekræftet sin deltagelse.")
    assert [(s.name, s.role, s.party, s.confirmed) for s in found] == [
        ("Mette Skou Dalsgaard", "handicapordfører", "DD", False)]


@pytest.mark.parametrize("text,want", PROSE, ids=[x[0][:40] for x in PROSE])
def test_prose_speakers_after_a_cue(text, want):
    found = prose_speakers(text)
    assert [s.name for s in found] == [name for name, _ in want]
    for s, (_, words) in zip(found, want):
        attrs = f"{s.role or ''} {s.organization or ''}".lower()
        assert all(w in attrs for w in words.split())
    assert not any(s.organization and s.organization.startswith(("en ", "der ", "som ")) for s in found)


def test_a_role_at_an_organisation_before_the_name_and_a_relative_clause_after():
    line = ("I panelet sidder socialordfører Camilla Vestergaard Holm (S), direktør i LEV Sune Kragh Mølgaard og "
            "borgmester i Ringkøbing-Skjern Kommune Mads Emil Bækgaard (V), der også er næstformand i KL's udvalg.")
    found = speaker_line(line)[0]
    assert [(s.name, s.party) for s in found] == [("Camilla Vestergaard Holm", "S"), ("Sune Kragh Mølgaard", None),
                                                  ("Mads Emil Bækgaard", "V")]
    assert found[2].organization == "Ringkøbing-Skjern Kommune"  # not the clause after the comma


def test_a_comment_line_names_its_speaker():
    found = speaker_line("Kommentar: Lotte Brandt, Danske Handicaporganisationer")
    assert [(s.name, s.organization) for s in found[0]] == [("Lotte Brandt", "Danske Handicaporganisationer")]


@pytest.mark.parametrize("line,names,label", [
    ("Aarhus: Camilla Steen Iversen, socialrådgiver, Randers Kommune, og Emma Kruse Holt, ung rådgiver",
     ["Camilla Steen Iversen", "Emma Kruse Holt"], "Aarhus"),
    ("MØDESTED: Odd Fellow Palæet, Bredgade 28, 1260 København K", [], None),  # a place, not people
    ("Pris: 450 kr. for medlemmer, 650 kr. for andre", [], None),
])
def test_a_labelled_list_of_people(line, names, label):
    found = speaker_line(line)
    assert ([s.name for s in found[0]] if found else []) == names
    assert (found[1] if found else None) == label


def test_a_moderator_label_with_words_before_the_colon():
    found = speaker_line("Moderator på dagen: Ida Hansen, journalist")
    assert [(s.name, s.moderator) for s in found[0]] == [("Ida Hansen", True)]


def test_a_party_later_in_the_persons_own_sentence():
    from extract.model import Speaker
    from extract.speakers import enrich
    sp = [Speaker(name="Theresa Scavenius"), Speaker(name="Mai Villadsen"), Speaker(name="Mette Hansen")]
    enrich(sp, ["- Theresa Scavenius, ph.d. og forsker ved Aalborg Universitet, stiller op til Folketinget for "
                "Alternativet.", "- Mai Villadsen, uddannelsespolitisk rådgiver i Enhedslisten.",
                "Mette Hansen fortæller. Hun stemmer på Venstre."])
    assert [s.party for s in sp] == ["ALT", "EL", None]


def test_a_programme_slot_that_names_its_speaker_before_the_talk():
    from extract.lines import classify
    from extract.text import Line
    inf = classify(Line("13:15 – 13.30 Carsten Hansen, Minister for By, Bolig og Landdistrikter: Det videre arbejde "
                        "med anbefalingerne i Tænketankens rapport.", 0), 1, True)
    assert [(s.name, s.role, s.organization) for s in inf.speakers] == \
        [("Carsten Hansen", "Minister for By", "Bolig og Landdistrikter")]  # the ministry's name holds a comma
    assert inf.speaker_prefix.startswith("Det videre arbejde")


def test_prose_cues_are_one_vocabulary_and_the_cheap_test_is_built_from_it():
    from extract import lexicon
    from extract.speakers import _ANY_CUE, PROSE_CUE
    for entry in lexicon.entries("prose_cues"):
        for example in entry.examples:
            m = PROSE_CUE.search(example)
            assert m, example
            # a line the cue matches always passes the cheap test that runs first
            assert _ANY_CUE.search(example), example


def test_hoer_names_a_speaker():
    from extract.speakers import prose_speakers
    assert [s.name for s in prose_speakers("Hør Mette Hansen fortælle om arbejdet med udsatte børn.")] == ["Mette Hansen"]


@pytest.mark.parametrize("line,name,role", [
    ("Mujtaba RahmanManaging Director, Eurasia Group", "Mujtaba Rahman", "Managing Director"),
    ("Majda RugeSenior Policy Fellow, European Council of Foreign Relations", "Majda Ruge", "Senior Policy Fellow"),
    ("Arancha González Laya, Dean, Paris School of International Affairs", "Arancha González Laya", "Dean"),
])
def test_a_speaker_under_a_programme_slot_whose_first_name_is_not_in_the_lists(line, name, role):
    from extract.lines import classify_all
    from extract.text import Line, clean
    infos = classify_all([Line("13:10 - 13:45 KEYNOTE: After the elections", 0), Line(clean(line), 1)])
    assert [(s.name, s.role) for s in infos[1].speakers] == [(name, role)]


def test_a_social_media_handle_is_not_a_contact_line():
    from extract.lines import classify
    from extract.text import Line
    assert not classify(Line("Elisa Bergmann, formand for BUPL, @BergmannEml", 0), 1, True).contact
    assert classify(Line("Kontakt: Elisa Bergmann, eb@bupl.dk", 0), 1, True).contact


@pytest.mark.parametrize("line,name,role", [
    ("Vært er Huxi Bach", "Huxi Bach", None),
    ("Ordstyrer er journalist Clement Kjersgaard.", "Clement Kjersgaard", "journalist"),
])
def test_a_moderator_cue_names_a_person_outside_the_first_name_lists(line, name, role):
    sp, _ = speaker_line(line)
    assert [(s.name, s.role, s.moderator) for s in sp] == [(name, role, True)]


def test_a_moderator_after_a_cue_and_a_one_word_role_in_running_text():
    from extract.speakers import prose_speakers
    found = prose_speakers("Debatten faciliteres af debatpilot Stinne Krogh Poulsen og er en del af programmet.")
    assert [(s.name, s.role, s.moderator) for s in found] == [("Stinne Krogh Poulsen", "debatpilot", True)]


def test_parties_given_respectively():
    from extract.model import Speaker
    from extract.speakers import respectively
    sp = [Speaker(name="Christian Poll"), Speaker(name="Christian Juhl")]
    respectively(sp, ["Det er folketingsmedlemmerne Christian Poll og Christian Juhl fra henholdsvis Alternativet og "
                      "Enhedslisten, der skal debattere."])
    assert [s.party for s in sp] == ["ALT", "EL"]


@pytest.mark.parametrize("line,party", [
    ("Dansk Folkeparti: Susanne Eilersen, medlem af Folketinget", "DF"),
    ("Alex Vanopslagh, Formand, Liberale Alliance", "LA"),
])
def test_a_party_as_the_lines_label_or_spelled_out(line, party):
    sp, _ = speaker_line(line)
    assert sp[0].party == party


def test_a_role_for_a_party_before_the_name():
    from extract.mentions import party_before
    assert party_before("Folketingsmedlem for Socialdemokratiet ") == "S"


def test_a_compound_role_cut_by_og_is_a_role_not_an_organisation():
    sp, _ = speaker_line("Oplægsholdere: Astrid Krag, Social- og indenrigsminister (S) (ikke bekræftet)")
    assert [(s.name, s.role, s.organization, s.party, s.confirmed) for s in sp] == [
        ("Astrid Krag", "Social- og indenrigsminister", None, "S", False)]

"""People named in running text without a cue (extract/mentions.py): a table of real-shaped sentences."""
import pytest

from extract.mentions import mentioned_speakers, names_in, not_a_speaker


@pytest.mark.parametrize("text,names", [
    ("Derfor har KL inviteret børne- og undervisningsminister Pernille Rosenkrantz-Theil til en samtale.",
     ["Pernille Rosenkrantz-Theil"]),
    ("I den forbindelse kommer formanden for Danske Skoleelever, Thea Enevoldsen, og giver sit bud.",
     ["Thea Enevoldsen"]),
    ("Hør også Unicefs generalsekretær, Karen Hækkerup, fortælle om bæredygtige fællesskaber.", ["Karen Hækkerup"]),
    ("Vi har derfor inviteret Margit Velsing Groth, en af programmets hovedforfattere, til at fortælle.",
     ["Margit Velsing Groth"]),
    ("Troels Ravn (Socialdemokratiet), Gitte Reimer (Radikale Venstre) og Anni Matthiesen (Venstre)",
     ["Troels Ravn", "Gitte Reimer", "Anni Matthiesen"]),
    # not speakers: a quote's sayer, a photo credit, a contact, a possessive, an author, a street
    ("- Vi vil hellere debattere ældrepolitik, siger Troels Gydum fra Ældresagen.", []),
    ("Foto: Mads Claus Rasmussen, Ritzau Scanpix", []),
    ("Spørgsmål kan rettes til Henrik Sejerkilde på mail.", []),
    ("Under Mette Frederiksens regering er ventelisterne vokset.", []),
    ("Sessionen tager udgangspunkt i bogen ”Penge på kanten” af sociolog Annette Hjort Kofod.", []),
    ("Mødet holdes på Herluf Trolles Gade 11 i København.", []),
    ("Bemærk, at Lise Fogh Bundgaard fra Jobcenter Aarhus desværre ikke kan deltage den 26. november.", []),
    ("Henriette Lund Bro, underdirektør (erstatter Jens Hald Mikkelsen)", ["Henriette Lund Bro"]),
    ("Sidste år gæstede blandt andre Frederik Lykke Nymann topmødet.", []),
    ("Kontakt: Søren Bach Kristoffersen, tlf. 12 34 56 78", []),
])
def test_mentioned_speakers(text, names):
    assert [s.name for s in mentioned_speakers([text], set())] == names


def test_a_person_on_a_line_of_their_own_is_left_to_the_list_readers():
    assert mentioned_speakers(["Regionskonsulent Søren Bach Kristoffersen"], set()) == []
    assert [s.name for s in mentioned_speakers(["Oplæg ved Søren Bach Kristoffersen om gæld."], set())] == \
        ["Søren Bach Kristoffersen"]


def test_known_speakers_are_not_added_twice_and_party_letters_are_read():
    found = mentioned_speakers(["Troels Ravn (Socialdemokratiet) og Gitte Reimer (RV) debatterer."], {"troels ravn"})
    assert [(s.name, s.party) for s in found] == [("Gitte Reimer", "RV")]


@pytest.mark.parametrize("text,names", [
    ("Joan Lindskov Sektornæstformand i Pædagogisk sektor", ["Joan Lindskov"]),  # the role is not the name
    ("Troels Ravn (Socialdemokratiet), Gitte Reimer", ["Troels Ravn", "Gitte Reimer"]),  # not over a parenthesis
    ("Mette Hansen. Peter Jensen", ["Mette Hansen", "Peter Jensen"]),
])
def test_names_in(text, names):
    assert [n for n, *_ in names_in(text)] == names


def test_context_reads_both_sides():
    assert not_a_speaker("Foto: ", "")
    assert not_a_speaker("", ", siger han")
    assert not not_a_speaker("Debatten modereres af ", ", journalist")


@pytest.mark.parametrize("before,role,org", [
    ("Derfor har KL inviteret børne- og undervisningsminister ", "børne- og undervisningsminister", None),
    ("Hør også Unicefs generalsekretær, ", "generalsekretær", "Unicef"),
    ("I den forbindelse kommer formanden for Danske Skoleelever, ", "formanden", "Danske Skoleelever"),
    ("Vi har inviteret tidligere minister ", "tidligere minister", None),
    ("Vi har inviteret ", None, None),
])
def test_role_before(before, role, org):
    from extract.mentions import role_before
    assert role_before(before) == (role, org)


@pytest.mark.parametrize("after,role,org", [
    (", projektleder i Realdania, fortæller", "projektleder i Realdania", "Realdania"),
    (", forstander, Rønshoved Højskole.", "forstander", "Rønshoved Højskole"),
    (" fra Jobcenter Aarhus fortæller om", None, "Jobcenter Aarhus"),
    (", og vi glæder os", None, None),
])
def test_role_after(after, role, org):
    from extract.mentions import role_after
    assert role_after(after) == (role, org)


@pytest.mark.parametrize("before,party", [
    ("Enhedslistens ", "EL"), ("Socialdemokratiets borgmesterkandidat ", "S"), ("Radikale Venstres ", "RV"),
    ("Unicefs generalsekretær, ", None),
])
def test_party_before(before, party):
    from extract.mentions import party_before
    assert party_before(before) == party

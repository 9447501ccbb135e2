"""Speakers: who gives a talk, sits on a panel, is interviewed or moderates, read from one line of text.

The shapes (sources.md): `v/ Name, role, organisation (party) og Name, role`, `v. Name`, `ved Name`,
`Oplæg fra Name, role`, panel lines with one `Name, Role, Organisation` each, bullet lists, and prose such as
`debat med overborgmester X, socialborgmester Y og ... Z` or `Debatten modereres af Name, chef for ...`.
Lists split on commas and `og` only where a new person starts, so roles like `familie- og trivselsordfører`
stay whole.
"""
from __future__ import annotations

import re

from . import lexicon
from .anycase import AnyCase
from .mentions import not_a_speaker_at
from .model import Speaker
from .names import (NAME_WORD, ORG_END, _NOT_NAMES, find_name_inside, is_first_name, looks_like_person,
                    split_name_run)
from .nlp import people_in
from .parties import party_letter, spelled_party

# A cue that opens a list of speakers at the start of a line. Ambiguous words ("ved", "med") count only when
# a person's name follows.
LEAD_CUE = re.compile(
    r"^(?:(?P<strong>v/|/v\b|v\.(?!\s*\d)|oplægsholdere?:?|oplæg (?:fra|af|ved|v/|v\.):?|medvirkende:?|"
    r"panel(?:deltagere)?:|paneldebat med:?|panelet:|i panelet(?: sidder)?:?|talere:|deltagere:|"
    r"debattører:|keynote:|gæst(?:er)?:|med deltagelse af:?|"
    r"(?:dagens|aftenens|årets|eftermiddagens|mødets)\s+(?:taler|talere|oplægsholdere?|gæst(?:er)?|panel)\s*:?|"
    r"(?:taler|talere|speakers?|undervisere?|instruktør(?:er)?|paneldeltager(?:e)?|kommentar|kommentator(?:er)?|"
    r"respondent(?:er)?)\s*:)"
    r"|(?P<mod>(?:ordstyrer(?:e)?|moderator|facilitator|konferencier|vært(?:er)?)(?:\s+[a-zæøå]+){1,2}\s*:|"
    # "Vært er Huxi Bach", "Ordstyrer er ...": the longer cue first, or "Vært" alone would match and leave "er ..."
    r"(?:ordstyrer(?:e)?|moderator|facilitator|konferencier|vært|værter)\s+(?:er|bliver)\b|"
    r"ordstyrer(?:e)?:?|moderator:?|facilitator:?|konferencier:?|vært(?:er)?:?|"
    r"(?:(?:debatten|mødet|dagen|panelet|samtalen|workshoppen|seminaret|konferencen)\s+)?"
    r"(?:modereres|faciliteres|modereret|faciliteret|ledes|styres)\s+af:?|"
    r"(?:dagens\s+)?værter\s+er|(?:dagens\s+)?vært\s+er|"
    r"ordstyrer er|dagens (?:ordstyrer|moderator|vært|konferencier)(?: er)?:?|moderator er)"
    r"|(?P<weak>ved|med|oplæg|samtale med|debat med|interview med):?)\s*",
    re.I)
# A cue inside a line: "Workshop: ..., v/ Name" or "... (Faciliteres af Name, role)"
MID_CUE = re.compile(r"(?:,|\s|\(|–|-|:)\s*(?:v/|V/|v\.(?=\s*[A-ZÆØÅ])|ved(?=\s+\S))\s*|"
                     r"(?:[.?!:,]\s+|\s+[-–]\s+)(?i:med\s+deltagelse\s+af|medvirkende|panel(?:deltagere)?|"
                     r"paneldebat\s+med|debat\s+med|oplæg\s+(?:fra|af|ved)|oplægsholdere?|"
                     r"samtale\s+med(?:\s+[^:,.]{1,30}:)?)\s*:?\s+|"
                     r"[.?!]\s+(?i:med|hør|mød)\s+(?=\S)|\s+[-–]\s+med\s+(?=[A-ZÆØÅ])")
MOD_CUE = re.compile(
    r"(?i)\b(?:modereres|modereret|faciliteres|faciliteret|styres|styret|ledes|konfereres)\s+af\s+|"
    r"\b(?:dagens\s+)?(?:ordstyrer|moderator|facilitator|"
    r"konferencier|værter|vært)(?:\s+(?:er|bliver|på dagen er|for dagen er))?\s*:?\s+(?=[A-ZÆØÅa-zæøå])")
# cues in running text (extract/lexicon/prose_cues.toml)
PROSE_CUE = re.compile(r"(?i)" + lexicon.search_pattern("prose_cues"))
# A sentence that opens with the person and goes on to what they say: the person, up to the verb
SPEAKS = re.compile(r"(?:^|[.!?]\s+)(?P<who>[^.!?]{5,140}?),?\s+(?:fortæller|præsenterer|gennemgår|holder\s+oplæg|"
                    r"giver\s+(?:et\s+bud|status|indblik)|deler\s+(?:sine|hendes|hans)|sætter\s+fokus|"
                    r"åbner\s+(?:mødet|dagen|konferencen|arrangementet|debatten)|byder\s+velkommen)\b")
_SPEAK_VERB = AnyCase(r"fortæller|præsenterer|gennemgår|holder|giver|deler|sætter|åbner|byder")
_UNCONFIRMED = AnyCase(r"(?i)ikke\s+(?:endeligt\s+)?bekræftet|afventer\s+bekræftelse|\btbc\b|\btba\b|"
                       r"forventet|inviteret|ikke\s+endelig|afventer\s+svar|foreløbig")
_NOTE_PAREN = re.compile(r"\((?P<body>[^()]*)\)")
_VENUE_NOTE = re.compile(r"(?i)^\s*(?:mødested|bemærk|lokation|sted|adresse|obs)\b")
_SENTENCE_WORDS = re.compile(
    r"(?i)\b(?:der|som|har|vil|skal|kan|er|var|blev|bliver|fortæller|giver|taler|om hvordan|hvor|når|"
    r"fordi|at|vi|du|jeg|man|sig|sin|sit|sine|dig|os|inviterer|deltager i)\b")
# what a person is (extract/lexicon/role_words.toml)
ROLE_WORDS = re.compile(r"(?i)" + lexicon.search_pattern("role_words"))
DEGREE = re.compile(r"(?i)(?:cand\.\w+(?:\.\w+)*\.?|ph\.?d\.?|dr\.?|mag\.art\.?|lic\.\w+\.?|ma|msc|ba)")
_TITLE_PREFIX = re.compile(
    r"^(?:(?:professor|prof\.|dr\.|ph\.d\.|cand\.\w+(?:\.\w+)*\.?|mf|minister|borgmester|overborgmester|direktør|formand|"
    r"lektor|docent|forsker|journalist|ordfører)\s+)+", re.I)


_DASH = re.compile(r"\s[–—-]\s")
_LEADING_AND = re.compile(r"^(?:og|samt|&)\s+")


def _clean_piece(s: str) -> str:
    s = _LEADING_AND.sub("", s.strip(" ,;:.–-\t\u2013"))
    return s.strip(" ,;:.–-\t\u2013").strip()


_CAPITALISED = re.compile(r"\b[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúñçë'-]+")


def _names_a_person(text: str) -> bool:
    return any(is_first_name(w) for w in _CAPITALISED.findall(text))


def _split_top(text: str, seps=",;") -> list[str]:
    """Split on separators outside parentheses."""
    if "(" not in text:
        return [p for p in (x.strip() for x in re.split("[" + seps + "]", text)) if p]
    out, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [p for p in (x.strip() for x in out) if p]


def _starts_person(text: str) -> bool:
    """Does `text` start with a person, possibly after a role: `Mads Bilstrup`, `socialrådgiver Isabell L.`."""
    words = []
    for w in text.split():
        words.append(w.rstrip(",.;:)"))
        if w != words[-1] or w.startswith("("):
            break
    for i in range(min(len(words), 9)):
        if is_first_name(words[i]):
            for j in range(min(len(words), i + 5), i + 1, -1):
                if looks_like_person(" ".join(words[i:j])):
                    before = words[:i]
                    return i == 0 or (i < 5 and all(
                        w[:1].islower() or ROLE_WORDS.match(w) or re.match(r"^[A-ZÆØÅ]{2,}(?:'s|'|’s|’)?$|^\w+(?:'s|’s)$", w)
                        for w in before)) or _org_then_role(before) is not None or _role_at_org(before)
            return False
    return False


_GENITIVE = re.compile(r"^[A-ZÆØÅ0-9][\w.&-]*(?:s|'s|’s|')$")
_ORG_JOINERS = {"for", "i", "af", "og", "til", "mod", "på", "om", "under", "med", "&"}


def _org_then_role(words: list[str]) -> int | None:
    """`Dansk Psykolog Forenings formand`, `Rådet for Socialt Udsattes formand`, `KLs direktør`: an organisation
    in the genitive, then a role. Returns the index where the role starts."""
    if not words or not words[0][:1].isupper():
        return None
    for j in range(1, len(words)):
        if _GENITIVE.match(words[j - 1]) and _role_word(words[j]) and \
                all(w[:1].isupper() or w in _ORG_JOINERS for w in words[:j]) and \
                all(w[:1].islower() or ROLE_WORDS.match(w) for w in words[j:]):
            return j
    return None


# compounds that end in a role: "socialordfører", "udviklingschef", "skoleleder"
_ROLE_END = re.compile(r"(?:ordfører|direktør|chef|leder|konsulent|borgmester|minister|formand|rådgiver|forsker|præst|"
                       r"medarbejder|sekretær|koordinator|redaktør|forstander|rådmand|præsident)$")


def _role_word(word: str) -> bool:
    return bool(ROLE_WORDS.match(word)) or (word[:1].islower() and bool(_ROLE_END.search(word)))


_AT = {"i", "hos", "ved", "for", "fra", "på", "af"}


def _role_at_org(words: list[str]) -> bool:
    """`direktør i LEV`, `borgmester i Ringkøbing-Skjern Kommune`: a role, a preposition, an organisation."""
    k = next((n for n, w in enumerate(words) if w in _AT), None)
    return k is not None and 0 < k < len(words) - 1 and \
        all(w[:1].islower() or ROLE_WORDS.match(w) for w in words[:k]) and _role_word(words[k - 1]) and \
        all(w[:1].isupper() or w in _ORG_JOINERS for w in words[k + 1:])


def _without_genitive(org: str) -> str:
    """`Dansk Psykolog Forenings` → `Dansk Psykolog Forening`, `KLs` → `KL`, `Børns Vilkårs` → `Børns Vilkår`."""
    for ending in ("'s", "’s", "'", "s"):
        if org.endswith(ending):
            return org[: -len(ending)]
    return org


def _split_og(piece: str, opens_list: bool = False) -> list[str]:
    """`Name, role og Name` → split at `og`/`&`/`samt` only where a person follows."""
    parts = re.split(r"\s+(?:og|&|samt)\s+", piece)
    # "beskæftigelses- og integrationsborgmester": a compound cut by "og" is one unit
    units: list[str] = []
    for p in parts:
        if units and units[-1].endswith("-"):
            units[-1] += " og " + p
        else:
            units.append(p)
    out = [units[0]]
    carry = ""
    for k, p in enumerate(units[1:], 1):
        if carry:
            p, carry = carry + " og " + p, ""
        nxt = units[k + 1] if k + 1 < len(units) else None
        if _starts_person(p):
            if opens_list and len(out) == 1 and not _has_person(out[0]) and _is_role(out[0]):
                out[-1] = out[-1] + " og " + p  # "journalist og studievært Name": two roles, one person
            else:
                out.append(p)
        elif nxt is not None and _has_person(out[-1]) and _starts_person(nxt) and _is_role(p):
            carry = p  # "Name og socialrådgiver og komiker Name": the roles belong to the next person
        else:
            out[-1] = out[-1] + " og " + p
    return out


def _has_person(text: str) -> bool:
    t = _NOTE_PAREN.sub("", text).strip(" ,")
    return looks_like_person(t) or split_name_run(t) is not None or _starts_person(t)


def _is_role(text: str) -> bool:
    t = text.strip()
    if not t:
        return False
    if t[:1].islower() or ROLE_WORDS.match(t):
        return True
    # "Social- og indenrigsminister", "Børne- og undervisningsminister": a compound role cut by "og"
    words = t.split()
    return len(words) <= 5 and words[0].endswith("-") and bool(_ROLE_END.search(words[-1].lower())) and \
        all(w[:1].islower() for w in words[1:])


def _notes(piece: str) -> tuple[str, str | None, bool, list[str]]:
    """Take the parenthesised notes off a piece: party, confirmation, venue notes (dropped)."""
    party, confirmed, dropped, orgs = None, True, [], []
    for m in list(_NOTE_PAREN.finditer(piece)):
        body = m.group("body").strip()
        letter = party_letter(body)
        if letter:
            party = letter
        elif _UNCONFIRMED.search(body):
            confirmed = False
        elif _VENUE_NOTE.match(body) or re.match(r"(?i)fællesmøde", body):
            dropped.append(body)
        elif m.end() >= len(piece.rstrip(" ,.")) and body[:1].isupper() and not re.search(r"\d", body):
            # "professor Y (Københavns Universitet)": the organisation, read as one of the person's attributes
            orgs.append(body)
        else:
            continue
        piece = piece.replace(m.group(0), " ")
    if _UNCONFIRMED.search(piece) and re.search(r"(?i)ikke\s+bekræftet", piece):
        confirmed = False
        piece = re.sub(r"(?i)\bikke\s+(?:endeligt\s+)?bekræftet\b", " ", piece)
    return re.sub(r"\s+", " ", piece).strip(), party, confirmed, orgs


def _split_role_org(attrs: list[str]) -> tuple[str | None, str | None]:
    attrs = [a for a in (_clean_piece(x) for x in attrs) if a]
    if not attrs:
        return None, None
    if len(attrs) == 1:
        a = attrs[0]
        if not _is_role(a):
            words = a.split()
            j = _org_then_role(words)
            if j:  # "Dansk Psykolog Forenings formand": the organisation's role
                return " ".join(words[j:]), _without_genitive(" ".join(words[:j]))
            # "KL Direktør": an organisation, then the role
            for i in range(1, len(words)):
                if ROLE_WORDS.match(words[i]):
                    return " ".join(words[i:]), " ".join(words[:i])
            return None, a
        # the role keeps its words ("formand for Ydelseskommissionen"); the organisation is read out of it
        m = re.match(r"^(.*?\S)\s+(?:i|hos|ved|fra|på)\s+([A-ZÆØÅ].*)$", a)
        if m and not ROLE_WORDS.match(m.group(2)):
            return a, m.group(2)
        m = re.match(r"^((?:[\w-]+\s+){0,2}?(?:for|af))\s+([A-ZÆØÅ].*)$", a)
        if m:
            return a, m.group(2)
        return a, None
    if _is_role(attrs[0]) or not _is_role(attrs[1]):
        return attrs[0], ", ".join(attrs[1:])
    return attrs[1], ", ".join([attrs[0]] + attrs[2:])  # "KL Direktør" → org KL? keep order: role second


def _name_then_role(piece: str) -> tuple[str, str] | None:
    words = piece.split()
    for k in range(2, min(len(words), 5)):
        if words[k][:1].isupper() and (_role_word(words[k]) or ROLE_WORDS.match(words[k])):
            head = " ".join(words[:k])
            return (head, " ".join(words[k:])) if name_shaped(head) else None
    return None


def opens_with_name(text: str) -> bool:
    """A name outside the first-name lists at the start, alone or run into its role ("Mujtaba Rahman Managing
    Director"): trusted only where the line's place says a person stands there (under a slot, under a heading)."""
    return name_shaped(text) or _name_then_role(text) is not None


def name_shaped(text: str) -> bool:
    """Two to four capitalised name words, none of them a word that names organisations: a name whose first
    name is not in the lists (`Kasim Ali Demir`). Trusted only right after a strong cue such as `v/`."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(NAME_WORD.match(w) and w not in _NOT_NAMES for w in words) and \
        not ORG_END.search(words[-1]) and not any(ORG_WORD.match(w) for w in words) and \
        not any(ROLE_WORDS.match(w) or _ROLE_END.search(w.lower()) for w in words)


_NEXT_SENTENCE = re.compile(r"\.\s+(?=[A-ZÆØÅ][a-zæøå]+\s+[a-zæøå])")


def _first_sentence(text: str) -> str:
    """A list ends where a new sentence starts (`..., Svendborg Kommune. Samtalen ledes af værten.`); not inside
    parentheses, and not at `cand.psych.` or a name (`Ph.d. Lars Hansen`)."""
    for m in _NEXT_SENTENCE.finditer(text):
        before = text[:m.start()]
        if before.count("(") == before.count(")"):
            return before
    return text


_ASIDE = re.compile(r"(?i)^(?:der|som|hvor|hvilket|hvis|en|et)\s")
ORG_WORD = re.compile(r"(?i)^(?:kommune|region|center|centret|foreningen|forening|fonden|fond|institut|"
                      r"styrelsen|ministeriet|universitet|hus|huset|netværk|gruppen|skole|hospital|kors|"
                      r"bekæmpelse|vilkår|sag|sagen|landsforening|forbund|rådet|råd|selskab|kirke|politi|"
                      r"dansk|danske|danmarks|socialt|sociale|nationalt?|projekt)$")


def parse_speaker_list(text: str, moderator: bool = False, evidence: str | None = None,
                       lenient_first: bool = False) -> list[Speaker]:
    """`Trine Torp, socialordfører (SF), Camilla Fabricius, socialordfører (S) og Karina Adsbøl, ...` →
    one Speaker each. Pieces before the first name (`KL Direktør, Christian Harsløf`) belong to that name."""
    evidence = evidence or text
    text = _first_sentence(text)
    speakers: list[Speaker] = []
    # "A og B, begge fra Org": the organisation belongs to both
    shared = re.search(r",?\s*(?:begge|alle)\s+(?:fra|i|hos|ved)\s+(?P<org>[A-ZÆØÅ][^,.;()]{2,60})\s*\.?\s*$", text)
    if shared:
        text = text[:shared.start()]
    # "(Faciliteres af Name, role)" inside a list: its own moderator list
    for m in list(re.finditer(r"\(\s*(?:faciliteres|modereres|ledes)\s+af\s+([^()]*)\)", text, re.I)):
        speakers += parse_speaker_list(m.group(1), moderator=True, evidence=evidence)
        text = text.replace(m.group(0), " ")
    pieces: list[str] = []
    for k, p in enumerate(_split_top(text)):
        for q in _split_og(p, opens_list=k == 0):
            # "Mette Hansen – direktør": a dash after the name does what a comma does
            m = re.match(r"^(?P<name>[^–—()-]+?)\s+[–—-]\s+(?P<rest>.+)$", q) if _DASH.search(q) else None
            if m and looks_like_person(_clean_piece(m["name"])):
                pieces += [m["name"], m["rest"]]
            else:
                pieces.append(q)
    current: Speaker | None = None
    attrs: list[str] = []
    pending: list[str] = []
    aside = False  # inside a relative clause or a mention of someone unnamed, until the next person
    found: list[tuple[Speaker, list[str]]] = []

    def close():
        if current is not None:
            found.append((current, attrs))

    for n_piece, raw in enumerate(pieces):
        # "Sidsel Vinkel Holm (chefpsykolog, Børns Vilkår)": role and organisation in parentheses
        inner = re.match(r"^\s*(?P<name>[^()]+?)\s*\((?P<inner>[^()]*,[^()]*)\)\s*(?P<tail>\(.*\))?\s*$", raw) \
            if "(" in raw else None
        bare = _TITLE_PREFIX.sub("", _clean_piece(inner["name"])) if inner else ""
        if inner and looks_like_person(bare) and not party_letter(inner["inner"]):
            close()
            _, party, confirmed, _ = _notes(inner["tail"] or "")
            current = Speaker(name=bare, party=party, confirmed=confirmed,
                              moderator=moderator, evidence=evidence)
            attrs = [a for a in (x.strip() for x in inner["inner"].split(",")) if a]
            continue
        piece, party, confirmed, paren_orgs = _notes(raw)
        piece = _clean_piece(piece)
        if not piece:
            if current is not None:
                current.party = current.party or party
                current.confirmed = current.confirmed and confirmed
            continue
        name, pre, org_after = None, None, None
        glued = _name_then_role(piece) if lenient_first and n_piece == 0 else None
        titled = _ROLE_THEN_NAME.fullmatch(piece) if lenient_first and n_piece == 0 and not glued else None
        if titled and not looks_like_person(piece) and len(titled["role"].split()) <= 2 and \
                _role_word(titled["role"].split()[-1]):
            glued = None  # "journalist Clement Kjersgaard" after a strong cue: the role, then the name
            pending = pending + [titled["role"]]
            piece = titled["name"]
        if looks_like_person(piece) or (lenient_first and n_piece == 0 and name_shaped(piece)):
            name = piece
        elif glued:  # "Mujtaba Rahman Managing Director": the name, then its role without a comma
            name, pending = glued[0], pending + [glued[1]]
        else:
            run = split_name_run(piece)
            if run and not _SENTENCE_WORDS.search(run[0]):
                pre, name = run
            else:
                inside = find_name_inside(piece)
                if inside and not _SENTENCE_WORDS.search(inside[0]) and (not inside[0] or _is_role(inside[0])):
                    pre, name, org_after = inside
        if name is None:
            letter = party_letter(piece)
            if letter and current is not None:
                current.party = current.party or letter
                current.confirmed = current.confirmed and confirmed
                continue
            if _ASIDE.match(piece):
                aside = True  # "..., der også er næstformand i ...", "samt en repræsentant for ...": not attributes
            if aside:
                continue
            if current is None:
                pending += [piece] + paren_orgs
            else:
                attrs += [piece] + paren_orgs
            if current is not None:
                current.party = current.party or party
                current.confirmed = current.confirmed and confirmed
            continue
        aside = False
        role_before = None
        if pre and DEGREE.fullmatch(pre.strip()):
            pre = None  # "cand.scient.soc. Name": a degree, not a role
        if pre:
            if _is_role(pre) or current is None or _org_then_role(pre.split()) is not None:
                role_before = pre
            else:
                attrs.append(pre)  # "..., Medvind i Østerbyen Tine Nørholm Larsen": the org of the one before
        close()
        name = _TITLE_PREFIX.sub("", name)
        current = Speaker(name=name, party=party, confirmed=confirmed, moderator=moderator, evidence=evidence)
        attrs = ([role_before] if role_before else []) + pending + ([org_after] if org_after else []) + paren_orgs
        pending = []
    close()
    for k in range(len(found) - 1):
        (a, at_a), (b, at_b) = found[k], found[k + 1]
        only_roles = all(_is_role(x) for x in at_a)
        if only_roles and at_b and not _is_role(at_b[-1]) and \
                re.search(re.escape(a.name) + r"\s+(?:og|&)\s+(?:[a-zæøå][\w-]*\s+){0,2}" + re.escape(b.name), text):
            at_a.append(at_b[-1])  # "A og B, DS" / "rolle A og rolle B, Aabenraa Kommune": both of DS
    for sp, at in found:
        # a spelled-out party among the attributes ("Socialistisk Folkeparti") is the party, not the org
        keep = []
        for a in at:
            a = _clean_piece(a)
            letter = party_letter(a)
            if letter:
                sp.party = sp.party or letter
                continue
            letter, m = spelled_party(a)
            if letter and m.start() == 0 and re.match(r"\s+og\s+", a[m.end():]):
                sp.party = sp.party or letter
                a = re.sub(r"^\s+og\s+", "", a[m.end():])
            keep.append(a)
        role, org = _split_role_org(keep)
        if org and not sp.party and party_letter(org):
            sp.party, org = party_letter(org), None  # "SFs socialordfører Name": the party, not an organisation
        if role and not sp.party:
            letter, m = spelled_party(role)
            if letter and re.search(r"(?i)\b(?:for|fra|\()\s*" + re.escape(m.group(0)), role):
                sp.party = letter
        sp.role, sp.organization = role, org
        if shared and not sp.organization:
            sp.organization = shared["org"].strip()
        speakers.append(sp)
    return speakers


# a line that opens with a strong or moderator cue names a person even when no first name of the lists is
# there ("Vært er Huxi Bach")
_STRONG_START = re.compile(r"(?i)^(?:v/|/v|v\.\s|oplæg\s+(?:ved|af|fra)|vært|ordstyrer|moderator|facilitator|"
                           r"konferencier|medvirkende|oplægsholder)")


def speaker_line(text: str) -> tuple[list[Speaker], str | None] | None:
    """Read a whole line as a speaker line. Returns (speakers, text before the cue) or None when the line does
    not name speakers. The text before a mid-line cue is a session title (`Workshop: X, v/ Name`)."""
    if not _names_a_person(text) and not _STRONG_START.match(text):
        return None  # most lines name nobody: one set lookup per capitalised word settles it
    t = text.strip()
    if t.startswith("(") and t.endswith(")") and t.count("(") == 1:
        text = t[1:-1]  # "(Faciliteres af Name, partner, Samuelsen)" on a line of its own
    # "... Ordstyrer: Name, role" closing a line: the moderator, read apart from the rest
    mods: list[Speaker] = []
    mm = TRAILING_MOD.search(text)
    if mm and mm.start() > 0:
        mods = parse_speaker_list(_cut_sentence(mm.group("who")), moderator=True, evidence=text)
        if mods:
            text = text[:mm.start()].rstrip() + "."
    found = _speaker_line(text)
    if mods:
        sp, prefix = found if found else ([], text)
        return sp + mods, prefix if found else _clean_piece(text)
    return found


TRAILING_MOD = re.compile(r"[.?!]\s+(?:(?:dagens\s+)?(?:ordstyrer|moderator|facilitator|konferencier)(?:\s+er)?\s*:?|"
                          r"(?:debatten\s+|mødet\s+)?(?:faciliteret|faciliteres|modereret|modereres|ledet|ledes)\s+af)"
                          r"\s+(?P<who>\S.+)$", re.I)


def _speaker_line(text: str) -> tuple[list[Speaker], str | None] | None:
    m = LEAD_CUE.match(text)
    if m and m.group(0).strip():
        rest = text[m.end():]
        weak = m.group("weak") is not None
        if (not weak or _starts_person(rest)) and rest.strip():
            sp = parse_speaker_list(_cut_sentence(rest) if weak else rest, moderator=bool(m.group("mod")),
                                    evidence=text, lenient_first=not weak)
            if sp:
                return sp, None
    for mm in MID_CUE.finditer(text):  # "Hvad ved vi om ...? ... v/ Name": the cue that a name follows
        if mm.start() == 0:
            continue
        rest = text[mm.end():]
        if mm.group(0).rstrip().endswith("ved") and rest[:1].islower() and not _role_word(rest.split()[0]):
            continue  # "ved kun Lars Løkke Rasmussen": the verb "knows", not "by"
        pieces = _split_top(rest)
        if _starts_person(rest) or any(_has_person(_clean_piece(p)) for p in pieces[:2]) or \
                (pieces and name_shaped(_clean_piece(pieces[0]))):
            sp = parse_speaker_list(rest, evidence=text, lenient_first=True)
            if sp:
                return sp, _clean_piece(text[:mm.start() + 1])
    if _standalone(text):
        sp = parse_speaker_list(text, evidence=text)
        if sp:
            return sp, None
    m = _LABELLED.match(text)  # "Aarhus: Camilla Steen Iversen, socialrådgiver, Randers Kommune, og ..."
    if m and not _NOT_PEOPLE.match(m.group("label")) and not re.search(r"\b\d{4}\s+[A-ZÆØÅ]", text) and \
            _standalone(m.group("rest")):
        sp = parse_speaker_list(m.group("rest"), evidence=text)
        if sp:
            letter = party_letter(m.group("label"))
            if letter:  # "Dansk Folkeparti: Susanne Eilersen, medlem af Folketinget": the label is the party
                for s in sp:
                    s.party = s.party or letter
                return sp, None
            return sp, m.group("label")
    return None


# labels of places, times and practicalities: what follows them is not a list of people
_NOT_PEOPLE = re.compile(r"(?i)^(?:mødested|sted|adresse|lokation|lokale|hvor|tid|tidspunkt|dato|pris|tilmelding|"
                         r"kontakt|målgruppe|bemærk|obs|arrangør|medarrangør)")
_LABELLED = re.compile(r"^(?P<label>[A-ZÆØÅ][\w.-]*(?:\s+[\w.-]+){0,2}):\s+(?P<rest>[A-ZÆØÅ].+)$")


def _standalone(text: str) -> bool:
    """`Joy Mogensen, Borgmester Roskilde (S) og formand for KL's Socialudvalg`: a line that starts with a
    person's name and goes on with short role/organisation pieces, not with a sentence."""
    if len(text) > 400 or "@" in text or re.search(r"(?i)\btlf\.?|\btelefon\b|\bmobil\b", text):
        return False
    pieces = _split_top(text)
    if not pieces:
        return False
    first = pieces[0]
    first_wo = _NOTE_PAREN.sub("", first).strip()
    if not looks_like_person(_TITLE_PREFIX.sub("", first_wo)):
        run = split_name_run(first_wo)
        # "Minister for børn og socialforhold Karen Munk Valentin (V)": a title of a few words before the name
        if not (run and _is_role(run[0]) and len(run[0].split()) <= (10 if ROLE_WORDS.match(run[0]) else 3)):
            return False
    if "," not in text and "(" not in text and " – " not in text:
        return False
    body = _NOTE_PAREN.sub("", text[len(first):])  # venue notes and party letters are not role words
    if text.rstrip().endswith(".") and len(text) > 120:
        return False
    pieces = _split_top(body)
    return all(len(p.split()) <= 10 for p in pieces) and not _SENTENCE_WORDS.search(
        _NOTE_PAREN.sub("", " ".join(pieces[:1])))


def _cut_sentence(text: str) -> str:
    """The list part of a prose cue: up to the relative clause, the topic, a verb in the infinitive ("Hør Mette
    Hansen fortælle om ...") or the sentence's end."""
    text = re.split(r",\s+(?:som|der|hvor|hvilket|mens|om)\b|\.\s+(?=[A-ZÆØÅ])|\.$|\s+om\s+(?:hvordan|hvad|hvorfor)\b|"
                    r"\s+(?:til|i)\s+(?:en\s+)?(?:debat|samtale|snak)\b|\s+(?:over|ordet)\b|\s+om\s+(?=[a-zæøå])|\s+om(?=,)|"
                    r"\s+(?:fortælle|tale|præsentere|give|holde|dele|debattere|diskutere|gennemgå|sætte)\b",
                    text, maxsplit=1)[0]  # "oplæg ved Name om arbejdsmiljø": the topic follows
    return text


# a role in lower case, then a capitalised name of two to four words: "debatpilot Stinne Krogh Poulsen"
_ROLE_THEN_NAME = re.compile(r"^(?P<role>[a-zæøå][\wæøå-]*(?:\s+(?:og\s+)?[a-zæøå][\wæøå-]*){0,2})\s+"
                             r"(?P<name>[A-ZÆØÅ][a-zæøåéü'’-]+(?:\s+[A-ZÆØÅ][a-zæøåéü'’-]+){1,3})(?=[\s,.;:)]|$)")


def prose_speakers(text: str) -> list[Speaker]:
    """Speakers named in running text: `debat med overborgmester X, socialborgmester Y og Z`,
    `Debatten modereres af Name, chef for ...`."""
    out: list[Speaker] = []
    if not _ANY_CUE.search(text):
        return out
    mod_cues, cues = list(MOD_CUE.finditer(text)), list(PROSE_CUE.finditer(text))  # each scanned once
    # SPEAKS scans every sentence start: only where one of its verbs stands
    subjects = list(SPEAKS.finditer(text)) if _SPEAK_VERB.search(text) else []
    if not (mod_cues or cues or subjects):
        return out
    for m in mod_cues:
        seg = _cut_sentence(text[m.end():])
        if _starts_person(seg):
            out += [s for s in parse_speaker_list(seg, moderator=True, evidence=text)]
        elif _ROLE_THEN_NAME.match(seg) and len(_ROLE_THEN_NAME.match(seg)["role"].split()) == 1:
            # "faciliteres af debatpilot Stinne Krogh Poulsen": one word for the role, then a name not in the lists
            r = _ROLE_THEN_NAME.match(seg)
            out.append(Speaker(name=r["name"], role=r["role"], moderator=True, evidence=text))
    for m in cues:
        seg = _cut_sentence(text[m.end():])
        if _starts_person(seg) or _org_then_role(seg.split(",")[0].split()) is not None:
            out += [s for s in parse_speaker_list(seg, evidence=text) if s.name not in {o.name for o in out}]
    for m in subjects:  # "IPS-konsulent Maria Lund Sørensen, Vejle Kommune, fortæller om ..."
        seg = m.group("who").strip(" ,")  # ("DH's formand, Thorkild Brandt-Jessen, åbner mødet")
        if _starts_person(seg) or len(seg.split()) <= 8:
            out += [s for s in parse_speaker_list(seg, evidence=text) if s.name not in {o.name for o in out}]
    for sp in out:  # "..., Mette Skou Dalsgaard, som endnu ikke har bekræftet sin deltagelse"
        m = re.search(re.escape(sp.name) + r"[^.!?]{0,60}?\bikke\s+(?:har\s+)?(?:endeligt\s+)?bekræftet", text)
        if m:
            sp.confirmed = False
    if out:
        # the words around a name may still say it is no speaker ("Netværket ... ledes af forstander X")
        out = [sp for sp in out if (at := text.find(sp.name)) < 0 or not not_a_speaker_at(text, at, at + len(sp.name))]
    if out:
        # a second reading by spaCy (rule-based, or a trained Danish pipeline where one is installed):
        # a name it does not see as a person's is not taken from running text; a name after a cue and a role
        # word needs no first name of the lists
        people = set(people_in(text))
        out = [s for s in out if s.name in people or (s.role and name_shaped(s.name) and
                                                      f"{s.role} {s.name}" in text)]
    return out


# A word that every cue above needs: most running text has none, and this test is much cheaper than the cues.
# The prose cues say their own (extract/lexicon/prose_cues.toml); these are MOD_CUE's and SPEAKS' verbs.
_MOD_AND_SPEAKS_NEEDS = ("moder", "facilit", "styre", "ledes", "ledet", "konferer", "ordstyrer", "konferencier",
                         "vært", "fortæl", "præsent", "gennemgå", "holder", "giver", "deler", "sætter", "åbner",
                         "byder")
_ANY_CUE = AnyCase("|".join(dict.fromkeys(_MOD_AND_SPEAKS_NEEDS + lexicon.needs("prose_cues"))))


def may_cue_speakers(text: str) -> bool:
    """The cheap test: does the line hold a word that one of the cues needs? (False: no cue can match.)"""
    return _ANY_CUE.search(text)


_MOD_VERB = re.compile(r"(?i)^[^.]{0,60}?\b(?:faciliterer|modererer|styrer\s+(?:debatten|slagets\s+gang|samtalen)|"
                       r"er\s+(?:dagens\s+)?(?:ordstyrer|moderator|facilitator|vært)|leder\s+debatten)\b")


def enrich(speakers: list[Speaker], texts: list[str]) -> None:
    """Fill a missing role from the event's own text (`Hør afdelingschef Mette Landbo`, `Anne Thielemann,
    borgerrådgiver i Faxe Kommune`), and mark one who `faciliterer`/`modererer` as moderator.

    Every test starts at an occurrence of the name: the words before and after it are read with patterns compiled
    once (a pattern per name was compiled again for every person on every page, most of the time spent here)."""
    for sp in speakers:
        # the lines that name the person, each with the line after it (a role may stand on the next line)
        near = sorted({j for i, t in enumerate(texts) if sp.name in t for j in (i, i + 1) if j < len(texts)})
        body = "\n".join(texts[j] for j in near)
        spots = _occurrences(body, sp.name) if body else []
        if not spots:
            continue
        if not sp.role:
            m = _first(spots, lambda at, end: _ROLE_BEFORE_NAME.search(body, 0, at))
            if m and ROLE_WORDS.match(m.group(1).split()[-1]) and not re.match(r"(?i)(?:og|med|ved|af|fra)$", m.group(1)):
                sp.role = m.group(1).split()[-1]
            else:
                m = _first(spots, lambda at, end: _ROLE_AFTER_NAME.match(body, end))
                if m and ROLE_WORDS.match(m.group(1)):
                    role, org = _split_role_org([m.group(1)])
                    sp.role = role
                    sp.organization = sp.organization or org
        if not sp.party:
            m = _first(spots, lambda at, end: _PAREN_AFTER_NAME.match(body, end))
            if m and party_letter(m["p"]):
                sp.party = party_letter(m["p"])
        if not sp.party:
            # "..., stiller op til Folketinget for Alternativet", "..., rådgiver i Enhedslisten": the party later
            # in the person's own sentence
            m = _first(spots, lambda at, end: _PARTY_LATER.match(body, end))
            if m and party_letter(m["p"]):
                sp.party = party_letter(m["p"])
        if sp.role and not sp.organization:
            lead = ", " + sp.role
            m = _first(spots, lambda at, end: _ORG_AFTER_ROLE.match(body, end + len(lead))
                       if body.startswith(lead, end) else None)
            if m:
                sp.organization = m.group(1).strip()
        if not sp.moderator:
            sp.moderator = any(_MOD_VERB.match(body[end:end + 120]) for _, end in spots)


def _occurrences(body: str, name: str) -> list[tuple[int, int]]:
    """Where the name stands as a whole name (not inside a longer word): (start, end) each."""
    out, at = [], body.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not (body[at - 1].isalnum() or body[at - 1] in "-_")) and \
                (end == len(body) or not (body[end].isalnum() or body[end] == "_")):
            out.append((at, end))
        at = body.find(name, at + 1)
    return out


def _first(spots, test):
    for at, end in spots:
        m = test(at, end)
        if m:
            return m
    return None


_ROLE_BEFORE_NAME = re.compile(r"(?<![\w-])([A-ZÆØÅa-zæøå][\w-]*(?:\s+[a-zæøå][\w-]*)?)\s+\Z")
_ROLE_AFTER_NAME = re.compile(r",\s+([a-zæøå][\wæøå-]*(?:\s+[\wæøå'’-]+){0,4}?)(?=[,.]|\s+og\s|$)", re.M)
_PAREN_AFTER_NAME = re.compile(r"\s*\((?P<p>[^()]{1,30})\)")
_PARTY_LATER = re.compile(r"(?:[^.!?]|\.(?=\w|\s+[a-zæøå])){0,120}?\b(?:stiller\s+op|opstillet|kandidat|medlem|rådgiver|"
                          r"ordfører|politiker|folketingsmedlem|byrådsmedlem|mf)\w*\b[^.!?]{0,50}?\b(?:for|i|fra)\s+"
                          r"(?P<p>(?:det\s+)?[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w-]+)?)")
_ORG_AFTER_ROLE = re.compile(r"\s+(?:i|hos|ved|på)\s+((?:[A-ZÆØÅ][\w'’-]*\s?){1,4})")


_RESPECTIVELY = re.compile(r"\s+og\s+(?P<b>[A-ZÆØÅ][\w'’.-]*(?:\s+[A-ZÆØÅ][\w'’.-]*){1,3})\s+(?:fra|for|i)\s+henholdsvis\s+"
                           r"(?P<x>(?:det\s+)?[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w-]+)?)\s+og\s+"
                           r"(?P<y>(?:det\s+)?[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w-]+)?)")


def respectively(speakers: list[Speaker], texts: list[str]) -> None:
    """`Christian Poll og Christian Juhl fra henholdsvis Alternativet og Enhedslisten`: each person's party in
    the order the names come."""
    by_name = {s.name: s for s in speakers}
    for text in texts:
        if "henholdsvis" not in text:
            continue
        for sp in speakers:
            at = text.find(sp.name)
            m = _RESPECTIVELY.match(text, at + len(sp.name)) if at >= 0 else None
            other = by_name.get(m["b"]) if m else None
            if m and other is not None:
                for person, party in ((sp, m["x"]), (other, m["y"])):
                    person.party = person.party or party_letter(party)

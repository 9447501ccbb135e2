"""One event per real-world event: the same meeting on a network page, a listing and its own page, under
titles that differ ('Den nye FGU – to år efter' and 'Den nye FGU – to år efter - Odense'), is one event.

Each page gives its events ids of their own (pipelines/rows.py: source + title + day). At the commit, the ids a
run read are matched with each other and with the committed events of the same day: two events are one when
they are on the same day (local time), their titles are alike (the same words, one title's words all in the
other's, or a near-identical spelling) and they share a speaker or a venue. Two events listed on one page are
never one (a page lists a meeting once).

Ids stay stable from run to run: a group of matched events takes the id the committed data already gave one of
them (through `event_pages`, which remembers each page's own id for every event it lists), or else the id its
own page gives it (the page listing the fewest events, then the first URL; the same page whose fields it takes).
The result is the table `event_alias(page_event_id, event_id)` over the run's ids, and `joined_events(old_id,
new_id)`: committed events that turned out to be another committed event and are folded into it.
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from .rows import title_key
from .schema import PAGE, PAGE_EVENTS


def similar_titles(a: str, b: str) -> bool:
    return _similar(_Title(a), _Title(b))


class _Title:
    __slots__ = ("key", "words", "numbers")

    def __init__(self, title: str):
        self.key = title_key(title)
        self.words = frozenset(self.key.split())
        self.numbers = frozenset(w for w in self.words if any(c.isdigit() for c in w))


def _similar(a: _Title, b: _Title) -> bool:
    """The same words; one title's words all in the other's ('X' and 'X - Odense'); or a near-identical
    spelling. A number in one and not the other tells two meetings of a series apart ('Webinar 1', 'Webinar 2')."""
    if not a.words or not b.words or a.numbers != b.numbers:
        return False
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(short.words) >= 2 and short.words <= long_.words:
        return True
    return len(a.words ^ b.words) <= 4 and fuzz.ratio(a.key, b.key) >= 92


def _venue_key(name, postal, raw) -> str | None:
    if postal and (name or raw):
        return f"{postal}|{title_key(name or raw.split(',')[0])}"
    return title_key(raw) if raw else None


def match_events(con, staged_events: str | None, staged_appearances: str | None) -> None:
    """Creates event_alias and joined_events. `staged_*` are SQL relations of the run's staged rows (every
    page's copy of every event); old_events, old_appearances and old_event_pages are the committed state."""
    con.execute("CREATE OR REPLACE TABLE event_alias (page_event_id VARCHAR, event_id VARCHAR)")
    con.execute("CREATE OR REPLACE TABLE joined_events (old_id VARCHAR, new_id VARCHAR)")
    if staged_events is None:
        return
    occ = con.execute(f"""
        SELECT event_id, {PAGE}, coalesce({PAGE_EVENTS}, 1000000), title,
               CAST(timezone('Europe/Copenhagen', "start") AS DATE) AS day, venue_name, venue_postal_code, venue_raw
        FROM {staged_events} WHERE "start" IS NOT NULL""").fetchall()
    if not occ:
        return
    speakers: dict[str, set] = defaultdict(set)
    if staged_appearances:
        for eid, key in con.execute(f"SELECT DISTINCT event_id, name_key FROM {staged_appearances}").fetchall():
            speakers[eid].add(key)
    days = sorted({r[4] for r in occ})
    old = con.execute("""
        SELECT event_id, source_url, title, CAST(timezone('Europe/Copenhagen', "start") AS DATE) AS day,
               venue_name, venue_postal_code, venue_raw, first_seen
        FROM old_events WHERE "start" IS NOT NULL AND status <> 'cancelled_or_removed'
          AND CAST(timezone('Europe/Copenhagen', "start") AS DATE) IN (SELECT unnest(?::DATE[]))""",
                      [days]).fetchall()
    old_ids = {r[0] for r in old}
    if old_ids:
        for eid, key in con.execute("SELECT DISTINCT event_id, name_key FROM old_appearances "
                                    "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(old_ids)]).fetchall():
            speakers[eid].add(key)
    committed_as = dict(con.execute("SELECT page_event_id, event_id FROM old_event_pages").fetchall())
    first_seen = {r[0]: r[7] for r in old}

    # one node per id: the run's ids (with every page they are on) and the committed events of those days
    nodes: dict[str, dict] = {}
    for eid, page, n_events, title, day, vname, vpost, vraw in occ:
        nd = nodes.setdefault(eid, {"titles": set(), "day": day, "pages": set(), "venues": set(), "best": None,
                                    "staged": True})
        nd["titles"].add(title)
        nd["pages"].add(page)
        if (v := _venue_key(vname, vpost, vraw)):
            nd["venues"].add(v)
        if nd["best"] is None or (n_events, page or "") < nd["best"]:
            nd["best"] = (n_events, page or "")
    for eid, url, title, day, vname, vpost, vraw, _ in old:
        if eid in nodes:
            continue
        v = _venue_key(vname, vpost, vraw)
        nodes[eid] = {"titles": {title}, "day": day, "pages": {url}, "venues": {v} if v else set(), "best": None,
                      "staged": False}

    titled = {t: _Title(t) for nd in nodes.values() for t in nd["titles"]}
    parent = {e: e for e in nodes}
    pages = {e: set(nd["pages"]) for e, nd in nodes.items()}

    def find(e):
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    by_day = defaultdict(list)
    for e, nd in nodes.items():
        by_day[nd["day"]].append(e)
    for ids in by_day.values():
        ids.sort()
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                ra, rb = find(a), find(b)
                if ra == rb or pages[ra] & pages[rb]:
                    continue  # one page lists a meeting once: two events of one page stay two
                na, nb = nodes[a], nodes[b]
                if not (speakers[a] & speakers[b] or na["venues"] & nb["venues"]):
                    continue
                if not any(_similar(titled[x], titled[y]) for x in na["titles"] for y in nb["titles"]):
                    continue
                parent[rb] = ra
                pages[ra] |= pages.pop(rb)

    groups = defaultdict(list)
    for e in nodes:
        groups[find(e)].append(e)
    claimed: set[str] = set()
    aliases, joined = [], []
    # groups holding a committed id as one of their own ids claim it first (a listing's stale memory of an
    # event must not take the id from the event itself)
    order = sorted(groups.values(), key=lambda g: (not any(e in old_ids or e in committed_as.values() for e in g),
                                                   min(g)))
    for group in order:
        known = sorted({committed_as.get(e, e) for e in group if committed_as.get(e, e) in old_ids
                        or e in committed_as} - claimed,
                       key=lambda c: (first_seen.get(c) is None, first_seen.get(c) or 0, c))
        if known:
            canonical = known[0]
        else:
            staged = [e for e in group if nodes[e]["staged"]]
            canonical = min(staged or group, key=lambda e: (nodes[e]["best"] or (10**9, ""), e))
        claimed.add(canonical)
        for e in group:
            if nodes[e]["staged"]:
                aliases.append((e, canonical))
            if e != canonical and (e in old_ids or committed_as.get(e, e) in old_ids):
                gone = e if e in old_ids else committed_as[e]
                if gone != canonical:
                    joined.append((gone, canonical))
    con.execute("INSERT INTO event_alias SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                [[a for a, _ in aliases], [b for _, b in aliases]])
    if joined:
        joined = sorted(set(joined))
        con.execute("INSERT INTO joined_events SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                    [[a for a, _ in joined], [b for _, b in joined]])

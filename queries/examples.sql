-- Ready-made questions for dkevents' datasets. Run one with
--     .venv/bin/dkevents query --example party_by_year            (add -f csv | json | xlsx -o file.xlsx)
-- or paste it into `dkevents query "..."`, DuckDB or a notebook. Each starts at a `-- name:` line; the comment
-- lines under it say what it answers. tests/test_examples.py runs every one on the demo data.
-- Counts are of people at events (an appearance is one person at one event), so a speaker on three pages or at
-- three sessions of one day counts once. Ranks use rank(): people with the same count share a rank.

-- name: top_speakers
-- Who speaks at the most events, across every organiser; ties share a rank.
SELECT rank() OVER (ORDER BY count(DISTINCT a.event_id) DESC) AS rank, p.name, p.kind,
       count(DISTINCT a.event_id) AS events, string_agg(DISTINCT a.source, ', ' ORDER BY a.source) AS organisers
FROM appearances a JOIN people p USING (person_id)
GROUP BY p.person_id, p.name, p.kind
QUALIFY rank <= 10
ORDER BY rank, p.name;

-- name: speakers_by_organisation_kind
-- Who speaks most, by the kind of organisation they speak for (municipality, union, NGO, research, ...): the
-- three people with the most events in each kind, ties included.
WITH per_person AS (
    SELECT o.kind AS organisation_kind, p.name, a.organisation, count(DISTINCT a.event_id) AS events
    FROM appearances a JOIN people p USING (person_id) JOIN organisations o ON a.organisation = o.name
    GROUP BY ALL
)
SELECT organisation_kind, rank() OVER (PARTITION BY organisation_kind ORDER BY events DESC) AS rank, name,
       organisation, events
FROM per_person
QUALIFY rank <= 3
ORDER BY organisation_kind, rank, name;

-- name: party_by_year
-- Politicians by party and year: distinct people and the events they spoke at (the year is the Danish date's).
SELECT year(e.date) AS year, a.party, pa.name AS party_name, count(DISTINCT a.person_id) AS politicians,
       count(DISTINCT a.event_id) AS events
FROM appearances a JOIN events e USING (event_id) LEFT JOIN parties pa ON pa.party = a.party
WHERE a.party IS NOT NULL AND e.date IS NOT NULL
GROUP BY ALL
ORDER BY year, events DESC, a.party;

-- name: where_ministers_speak
-- Where ministers speak: every appearance whose role names a minister ('beskæftigelsesminister', not
-- 'Beskæftigelsesministeriet'), with the organiser, network and place.
SELECT e.date, e.weekday, a.name, a.role, e.source AS organiser, e.series, e.title, e.venue_city, e.online
FROM appearances a JOIN events e USING (event_id)
WHERE regexp_matches(a.role, '(?i)minister\b')
ORDER BY e.date NULLS LAST, a.name;

-- name: organisers_invite_whom
-- Which organisers (and networks) invite whom: the kinds of people each puts on stage.
SELECT e.source AS organiser, coalesce(e.series, '(no network named)') AS network, p.kind AS speaker_kind,
       count(DISTINCT a.person_id) AS people, count(DISTINCT a.event_id) AS events
FROM appearances a JOIN events e USING (event_id) JOIN people p USING (person_id)
GROUP BY ALL
ORDER BY organiser, network, people DESC, speaker_kind;

-- name: unconfirmed_speakers
-- Speakers the page marks as not confirmed ('ikke bekræftet', 'inviteret'): worth checking before citing.
SELECT e.date, a.name, a.role, a.organisation, e.source AS organiser, e.title, e.status, a.evidence
FROM appearances a JOIN events e USING (event_id)
WHERE NOT a.confirmed
ORDER BY e.date NULLS LAST, a.name;

"""The datasets' schema: one pyarrow schema per table, a description on every field.

This is the only definition of the tables. The writer casts to it, the data dictionary (datasets/README.md) is
generated from it (`python -m pipelines.datadict`), and a test fails when the two disagree.
"""
from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")  # an instant; local time is Europe/Copenhagen
UTC = pa.timestamp("us", tz="UTC")
LOCAL = pa.timestamp("us")         # wall-clock time in Copenhagen, no offset (computed from the instant)
ZONE = "Europe/Copenhagen"


def f(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


EVENTS = pa.schema([
    f("event_id", pa.string(), "Stable id of the real-world event: one id however many pages (network page, listing, "
      "its own page) list it, under whatever titles (see event_pages and pipelines/matching.py). It survives a "
      "date change, so a moved event keeps its id.", False),
    f("source", pa.string(), "Organiser site: a source in extract/data/sources.toml, or other. Hive partition key.", False),
    f("series", pa.string(), "Network or series the event belongs to, as a page names it, e.g. 'Socialpolitisk "
      "netværk': on the event's line, else the page's title or heading, else another page listing the event."),
    f("title", pa.string(), "The event's title as its own page writes it (other pages' titles: event_pages).", False),
    f("start", TS, "Start (an instant; local time is Europe/Copenhagen); local midnight when only a date is known (see all_day)."),
    f("end", TS, "End (an instant); null when not written."),
    f("start_local", LOCAL, "Start as local (Copenhagen) wall-clock time, without offset; midnight for all_day."),
    f("end_local", LOCAL, "End as local (Copenhagen) wall-clock time, without offset."),
    f("date", pa.date32(), "The day the event starts, in Copenhagen (an all-day event's own day)."),
    f("weekday", pa.string(), "The weekday of date, in English (Monday ... Sunday)."),
    f("all_day", pa.bool_(), "True when the page gives a date but no time."),
    f("year_inferred", pa.bool_(), "True when the year was not written and was inferred (weekday, page, crawl date)."),
    f("date_confirmed", pa.bool_(), "False where the page says the date is not final ('dato ikke endeligt bekræftet')."),
    f("status", pa.string(), "confirmed | tentative | cancelled | postponed | cancelled_or_removed (gone from its "
      "page in a later run)."),
    f("status_evidence", pa.string(), "The text that decided the status."),
    f("venue_raw", pa.string(), "The venue as written."),
    f("venue_name", pa.string(), "Venue name, e.g. 'IDA Mødecenter'."),
    f("venue_street", pa.string(), "Street and number."),
    f("venue_postal_code", pa.string(), "Danish 4-digit postal code."),
    f("venue_city", pa.string(), "Postal town as written, e.g. 'København V'."),
    f("online", pa.bool_(), "True for Zoom/Teams/online/virtual events."),
    f("organisers", pa.list_(pa.string()), "Organisers and co-hosts named on the page."),
    f("audience", pa.string(), "Target audience ('Målgruppe') as written."),
    f("price", pa.string(), "Price as written."),
    f("registration_deadline", pa.string(), "Registration deadline as written."),
    f("description", pa.string(), "The event's running text (first paragraphs)."),
    f("source_url", pa.string(), "The event's own page, whose fields the row holds (every page: event_pages).", False),
    f("first_seen", UTC, "When a crawl first saw the event.", False),
    f("last_seen", UTC, "When a crawl last saw the event on its page.", False),
    f("run_id", pa.string(), "The run that last wrote this row.", False),
    f("extractor_version", pa.string(), "Version of the extraction library that read the page.", False),
])

SESSIONS = pa.schema([
    f("session_id", pa.string(), "Stable id: hash of event_id and the session's position and title.", False),
    f("event_id", pa.string(), "The event (events.event_id) this session belongs to.", False),
    f("source", pa.string(), "Organiser site. Hive partition key.", False),
    f("position", pa.int32(), "Order of the session in the programme, from 0.", False),
    f("title", pa.string(), "Session title as written, e.g. 'Workshop: Efterværn, der virker for alle'."),
    f("start_time", pa.string(), "Slot start, HH:MM, local time."),
    f("end_time", pa.string(), "Slot end, HH:MM, local time."),
    f("block", pa.string(), "Workshop round, block or track the session belongs to."),
    f("speakers", pa.list_(pa.string()), "Who speaks in this session, names as written (appearances has one row "
      "per person per event; this keeps which sessions)."),
    f("run_id", pa.string(), "The run that last wrote this row.", False),
])

APPEARANCES = pa.schema([
    f("appearance_id", pa.string(), "Stable id: hash of event_id and the normalised name. One row per person per "
      "event, however many sessions they speak at.", False),
    f("event_id", pa.string(), "The event (events.event_id).", False),
    f("session_id", pa.string(), "The first session (sessions.session_id) the person speaks at; null when they "
      "speak at the event as a whole."),
    f("sessions", pa.int32(), "How many of the event's sessions the person speaks at (0: the event as a whole)."),
    f("source", pa.string(), "Organiser site. Hive partition key.", False),
    f("name", pa.string(), "The person's name as written, without titles and party.", False),
    f("name_key", pa.string(), "Normalised name used for matching (casefolded, accents and å/aa folded).", False),
    f("role", pa.string(), "Role as written, e.g. 'formand for Ydelseskommissionen'."),
    f("organisation_as_written", pa.string(), "The organisation as the page writes it, e.g. 'KL's Socialudvalg' "
      "(canonical: organisation). Called organization before issue 12."),
    f("party", pa.string(), "Party letter (S, SF, V, DF, NB, RV, K, EL, LA, M, DD, ALT, KD, UFG) or null."),
    f("confirmed", pa.bool_(), "False where the page marks the person '(ikke bekræftet)' or similar."),
    f("moderator", pa.bool_(), "True for moderators, facilitators and hosts."),
    f("evidence", pa.string(), "The source text the appearance was read from."),
    f("person_id", pa.string(), "The person (people.person_id): one id per real person across pages and sources."),
    f("organisation", pa.string(), "Canonical name of the organisation (organisations.name), e.g. 'KL' for "
      "'KL's Socialudvalg'."),
    f("event_start", TS, "The event's start, an instant (copied from events for convenient queries)."),
    f("event_date", pa.date32(), "The day of the event in Copenhagen (events.date)."),
    f("first_seen", UTC, "When a crawl first saw this appearance.", False),
    f("last_seen", UTC, "When a crawl last saw it.", False),
    f("run_id", pa.string(), "The run that last wrote this row.", False),
])

EVENT_CHANGES = pa.schema([
    f("run_id", pa.string(), "The run that saw the change.", False),
    f("detected_at", UTC, "When the change was seen.", False),
    f("event_id", pa.string(), "The event that changed.", False),
    f("source", pa.string(), "Organiser site.", False),
    f("change", pa.string(), "date_moved | date_confirmed | date_unconfirmed | status_changed | venue_changed | "
      "speaker_added | speaker_removed | speaker_confirmed | event_added | event_gone", False),
    f("field", pa.string(), "The field or person the change concerns."),
    f("old", pa.string(), "Value before (as text)."),
    f("new", pa.string(), "Value after (as text)."),
])

RUNS = pa.schema([
    f("run_id", pa.string(), "Id of the crawl or reprocess run.", False),
    f("kind", pa.string(), "crawl | reprocess.", False),
    f("started", UTC, "When the run started.", False),
    f("finished", UTC, "When the run committed its data.", False),
    f("spider", pa.string(), "Spider (source) name; 'all' for a run over several."),
    f("pages", pa.int64(), "Pages fetched (or re-read)."),
    f("items", pa.int64(), "Events extracted."),
    f("errors", pa.int64(), "Pages that failed (HTTP errors, unreadable pages)."),
    f("finish_reason", pa.string(), "Scrapy's finish reason, e.g. 'finished', 'shutdown'."),
    f("http_errors", pa.int64(), "Pages answered with HTTP 400 or above (counted in errors too)."),
    f("start_urls_failed", pa.int64(), "Start URLs of the spider that could not be fetched."),
    f("monitors_failed", pa.list_(pa.string()), "Names of the monitors that failed (pipelines/monitors.py); empty "
      "when all passed; null for runs without monitors (reprocess, runs before monitors)."),
    f("monitor_report", pa.string(), "One line per monitor: its name, ok or FAILED, the figure and the threshold."),
    f("events_held_back", pa.bool_(), "True when a monitor said the site changed shape: the run's events were not "
      "committed (they are in datasets/quarantine/<run_id>/) and none of the site's events was marked removed."),
])

PAGES = pa.schema([
    f("url", pa.string(), "The page's URL (the real site URL, also when crawled from the snapshot).", False),
    f("source", pa.string(), "Organiser site. Hive partition key.", False),
    f("fetched_at", UTC, "When the page was fetched.", False),
    f("http_status", pa.int32(), "HTTP status of the response."),
    f("content_hash", pa.string(), "sha256 of the response body.", False),
    f("extractor_version", pa.string(), "Extractor version that read it.", False),
    f("events", pa.int32(), "Events read from the page."),
    f("error", pa.string(), "Why the page could not be read, if it could not."),
    f("warc_file", pa.string(), "Archive file (under datasets/archive/) holding the response."),
    f("run_id", pa.string(), "The run that last fetched it.", False),
])

PEOPLE = pa.schema([
    f("person_id", pa.string(), "Stable id of a person, from the person's name (and, where two people share a name, "
      "what tells them apart).", False),
    f("name", pa.string(), "The spelling seen most often.", False),
    f("spellings", pa.list_(pa.string()), "Every spelling seen (with and without middle names, titles, å/aa)."),
    f("parties", pa.list_(pa.string()), "Party letters seen with the person."),
    f("roles", pa.list_(pa.string()), "Roles seen, most frequent first."),
    f("organisations", pa.list_(pa.string()), "Organisations seen, canonical names (organisations.name)."),
    f("organisations_as_written", pa.list_(pa.string()), "Organisations seen, as the pages write them."),
    f("kind", pa.string(), "politician | researcher | civil_servant | municipality | union | ngo | business | other."),
    f("appearances", pa.int64(), "Appearances (rows of appearances: one per event)."),
    f("events", pa.int64(), "Distinct events the person appears at."),
    f("sources", pa.list_(pa.string()), "Organiser sites the person appears at."),
    f("first_event", TS, "Start of the person's first event."),
    f("last_event", TS, "Start of the person's last event."),
])

ORGANISATIONS = pa.schema([
    f("name", pa.string(), "Canonical organisation name ('KL', 'Dansk Socialrådgiverforening', 'Aarhus Kommune').",
      False),
    f("kind", pa.string(), "municipality | region | civil_service | research | union | ngo | business | politics | "
      "other."),
    f("names_as_written", pa.list_(pa.string()), "The forms written on the pages."),
    f("appearances", pa.int64(), "Appearances of people for this organisation."),
    f("people", pa.int64(), "Distinct people."),
])

EVENT_PAGES = pa.schema([
    f("event_id", pa.string(), "The event (events.event_id).", False),
    f("url", pa.string(), "A page that lists the event (pages.url).", False),
    f("source", pa.string(), "Organiser site of the page.", False),
    f("title", pa.string(), "The event's title as this page writes it."),
    f("page_event_id", pa.string(), "The id this page alone would give the event (source, title, day); how a "
      "later run finds the event again.", False),
    f("first_seen", UTC, "When a crawl first saw the event on this page.", False),
    f("last_seen", UTC, "When a crawl last saw the event on this page.", False),
    f("run_id", pa.string(), "The run that last wrote this row.", False),
])

PARTIES = pa.schema([
    f("party", pa.string(), "Party letter as used in the datasets.", False),
    f("name", pa.string(), "The party's name.", False),
])

# Tables a run writes rows to; the derived tables are rebuilt from them at every commit.
TABLES: dict[str, pa.Schema] = {"events": EVENTS, "sessions": SESSIONS, "appearances": APPEARANCES,
                                "event_changes": EVENT_CHANGES, "runs": RUNS, "pages": PAGES,
                                "event_pages": EVENT_PAGES}
DERIVED: dict[str, pa.Schema] = {"people": PEOPLE, "organisations": ORGANISATIONS, "parties": PARTIES}
ALL_TABLES: dict[str, pa.Schema] = {**TABLES, **DERIVED}
# Staging-only fields of event, session and appearance rows (the store drops them at the merge): the page a row
# was read from and how many events that page lists. An event listed on several pages takes its fields, speakers
# and sessions from its own page (the fewest events) rather than from a listing, whatever order pages came in.
PAGE = "_page"
PAGE_EVENTS = "_page_events"
# Each table's key: a run's rows replace earlier rows with the same key (idempotent runs).
KEYS = {"events": ["event_id"], "sessions": ["session_id"], "appearances": ["appearance_id"],
        "pages": ["url"], "runs": ["run_id"], "event_changes": None, "event_pages": ["url", "page_event_id"]}
PARTITIONS = {"events": ["source"], "sessions": ["source"], "appearances": ["source"], "pages": ["source"]}
# Columns renamed since datasets were first written: new name -> old name. Committed data under the old name
# read under the new one (the store's merge, `dkevents query`), so old datasets keep working.
RENAMED = {"appearances": {"organisation_as_written": "organization"}}
TABLE_DOCS = {
    "events": "One row per event (an item of a listing, or a single event page).",
    "sessions": "The slots of a day programme (sessions, workshops).",
    "appearances": "One row per person per event: who speaks where, in what role (the sessions they speak at: "
                   "sessions.speakers).",
    "event_changes": "What changed between runs: dates moved or confirmed, speakers added/removed, events gone.",
    "runs": "One row per crawl or reprocess run.",
    "pages": "One row per fetched page: provenance (fetch time, HTTP status, content hash, archive file).",
    "event_pages": "Every page each event is listed on (its own page, network pages, listings), with the title "
                   "that page gives it: one event, many pages.",
    "people": "One row per person, resolved across pages and sources (see pipelines/people.py for the rules; "
              "datasets/people_aliases.csv overrides them, datasets/suppressed_people.csv removes people).",
    "organisations": "Canonical organisations with the forms written on the pages.",
    "parties": "Party letters and names.",
}

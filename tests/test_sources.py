"""The one list of sources (extract/data/sources.toml) and the organisers added with it: every source has a spider,
a snapshot and gold; the new organisers' snapshot pages match their gold in every scored field; and where a page
has structured data, the structured data and the text reader agree."""
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from extract import extract_page
from extract.sources import SourceListError, parse_sources, source_of, sources
from extract.structured import events_from_icalendar, events_from_markup, has_markup, is_icalendar

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "scraper" / "snapshot"
GOLD = ROOT / "tests" / "snapshot_gold"
sys.path.insert(0, str(ROOT / "tests"))
from source_gold import check_gold, gold_files, read_archive  # noqa: E402

# the organisers added with the source list (issue 13); the first four keep their own gold as it was
NEW = ["kl", "sbst", "vive", "udsatte", "bornsvilkar", "dh"]


def hosts(src):
    return [h for h in (p.name for p in SNAPSHOT.iterdir() if p.is_dir()) if src.owns(h)]


def test_every_source_has_a_spider_a_snapshot_and_gold():
    listed = subprocess.run([sys.executable, "-m", "scrapy.cmdline", "list"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert listed.stdout.split() == sorted(s.name for s in sources()), listed.stderr[-2000:]
    for src in sources():
        (host,) = hosts(src)
        assert list((GOLD / host).glob("*.json")), src.name
        for url in src.start_urls:
            assert source_of(url) == src.name
    assert set(NEW) <= {s.name for s in sources()}


@pytest.mark.parametrize("entry,complaint", [
    ('name = "x y"\norganiser = "X"\ndomains = ["x.dk"]\nstart_urls = ["https://x.dk/"]\nevent_pages = ["/a"]',
     "lower-case"),
    ('name = "x"\norganiser = "X"\ndomains = ["x.dk"]\nstart_urls = ["https://x.dk/"]', "needs event_pages"),
    ('name = "x"\norganiser = "X"\nstart_urls = ["https://x.dk/"]\nevent_pages = ["/a"]', "needs domains"),
    ('name = "x"\norganiser = "X"\ndomains = ["x.dk"]\nstart_urls = ["https://x.dk/"]\nevent_pages = ["/a("]',
     "event_pages '/a\\('"),
    ('name = "x"\norganiser = "X"\ndomains = ["x.dk"]\nstart_urls = ["https://x.dk/"]\nevent_pages = ["/a"]\n'
     'delay = 2', "unknown field"),
    ('name = "other"\norganiser = "X"\ndomains = ["x.dk"]\nstart_urls = ["https://x.dk/"]\nevent_pages = ["/a"]',
     "not 'other'"),
])
def test_a_mistake_in_the_source_list_is_one_clear_line(entry, complaint):
    with pytest.raises(SourceListError, match=complaint):
        parse_sources(f"[[source]]\n{entry}\n")


def test_a_source_listed_twice_is_refused():
    one = '[[source]]\nname = "x"\norganiser = "X"\ndomains = ["x.dk"]\nstart_urls = ["https://x.dk/"]\n' \
          'event_pages = ["/a"]\n'
    with pytest.raises(SourceListError, match="listed twice"):
        parse_sources(one + one)


def test_the_new_organisers_match_their_gold_in_every_field(snapshot_crawl):
    """Not only every event and speaker (test_spiders) but each one's date, times, place, town, online, date
    confirmation, and each speaker's party, confirmation, moderator and role/organisation."""
    preds = read_archive(snapshot_crawl[0])
    for name in NEW:
        assert len(gold_files(name)) >= 3, name
        check_gold(name, preds)


def _url_of(path: Path) -> str:
    rel = path.relative_to(SNAPSHOT)
    rest = "/".join(rel.parts[1:])
    return f"https://{rel.parts[0]}/{rest.removesuffix('index.html')}"


def _agree(text_ev, data_ev) -> list[str]:
    """What a text reading and a structured reading of one event say differently about when and where."""
    out = []
    if (text_ev.start, text_ev.end) != (data_ev.start, data_ev.end):
        out.append(f"{text_ev.title}: text {text_ev.start}-{text_ev.end}, data {data_ev.start}-{data_ev.end}")
    if text_ev.venue and data_ev.venue:
        for part in ("street", "postal_code", "city"):
            a, b = getattr(text_ev.venue, part), getattr(data_ev.venue, part)
            if a and b and a != b:
                out.append(f"{text_ev.title}: {part} text {a!r}, data {b!r}")
    if (text_ev.venue is None) != (data_ev.venue is None) and not (text_ev.online or data_ev.online):
        out.append(f"{text_ev.title}: a place in one reading only")
    return out


def _text_reading(url: str):
    path = SNAPSHOT / url.split("/")[2] / url.split("/", 3)[3] / "index.html"
    return extract_page(path.read_bytes(), url=url, today=dt.date(2026, 12, 3), is_html=True, structured=False)


def test_structured_data_and_text_agree_on_the_snapshot_pages_that_have_both():
    checked, disagreements = 0, []
    for path in sorted(SNAPSHOT.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".ics"):
            continue
        body = path.read_bytes()
        if is_icalendar(body):  # the feed against the event pages its VEVENTs link
            for data_ev, _ in events_from_icalendar(body):
                if "url" in data_ev.evidence:
                    (text_ev,) = _text_reading(data_ev.evidence["url"]).events
                    disagreements += _agree(text_ev, data_ev)
                    checked += 1
        elif has_markup(body):
            data = events_from_markup(body, _url_of(path))
            text = extract_page(body, url=_url_of(path), today=dt.date(2026, 12, 3), is_html=True,
                                structured=False).events
            assert len(data) == len(text) == 1, path
            disagreements += _agree(text[0], data[0])
            checked += 1
    assert checked >= 8 and not disagreements, disagreements

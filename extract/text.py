"""Page text: an HTML page or its saved text → ordered lines grouped in blocks.

Both readings give the same lines, so the rest of the library never sees markup. From HTML we keep headings,
paragraphs, list items and line breaks, and drop what is never event content (scripts, menus, cookie banners,
footers, share boxes, newsletter sign-ups). Fact panels beside the body (DS and CFBU put date, place and price
there) are kept.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import lxml.html
from lxml import etree
from .anycase import AnyCase


@dataclass
class Line:
    text: str
    block: int          # index of the paragraph/element the line belongs to
    kind: str = "p"     # "h" heading, "p" paragraph, "li" list item
    level: int = 0      # heading level (1-6) for kind "h"

    def __repr__(self):  # short, for debugging
        return f"<{self.kind}{self.level or ''}#{self.block} {self.text[:60]!r}>"


_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u00ad": None,
                         "\u200b": None, "\ufeff": None, "\u2009": " ", "\u202f": " ", "\u00a0": " ",
                         "\u2007": " ", "\u2002": " ", "\u2003": " "})
_BULLET = re.compile(r"^\s*(?:[•·▪◦●■–\-*]|\d{1,2}[.)])\s+(?=\S)")


_ODD = re.compile("[" + "".join(chr(c) for c in _DASHES) + "]")


def clean(text: str) -> str:
    """Normalise one line: NFC, non-breaking and odd spaces, soft hyphens, odd dashes, runs of blanks."""
    text = unicodedata.normalize("NFC", text)
    if _ODD.search(text):  # translate() looks up every character; most lines have none of these
        text = text.translate(_DASHES)
    if _CAMEL.search(text):  # "Mujtaba RahmanManaging Director": a name and its role run together in the markup
        text = _GLUED_ROLE.sub(" ", text)
    return " ".join(text.split())  # str.split() and re's \s agree on what whitespace is


_CAMEL = re.compile(r"[a-zæøå][A-ZÆØÅ]")
_GLUED_ROLE = re.compile(r"(?<=[a-zæøå])(?=(?:Managing|Director|Senior|Dean|Professor|Direktør|Formand|Chef|Leder|"
                         r"Rektor|Lektor|Head|Partner|Chief|Founder|Minister|Borgmester|Forsker|Konsulent)\b)")


def strip_bullet(text: str) -> tuple[str, bool]:
    m = _BULLET.match(text)
    if m and not re.match(r"^\s*\d{1,2}[.)]\s*(?:[a-zæøå]|\d)", text):  # "5. maj" is a date, not item 5
        return text[m.end():], True
    return text, False


_DAY_LINE = re.compile(r"^[0-3]?\d\.?$")
_MONTH_LINE = re.compile(r"(?i)^(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|sept|okt|nov|dec)[a-z]*\.?$")
_YEAR_LINE = re.compile(r"^(?:19|20)\d{2}$")


def join_split_dates(lines: list[Line]) -> list[Line]:
    """A date badge saved as text gives `17` / `jan` / `2024` on lines of their own: one line again."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if _DAY_LINE.match(ln.text) and i + 1 < len(lines) and _MONTH_LINE.match(lines[i + 1].text):
            parts = [ln.text.rstrip(".") + ".", lines[i + 1].text]
            i += 2
            if i < len(lines) and _YEAR_LINE.match(lines[i].text):
                parts.append(lines[i].text)
                i += 1
            out.append(Line(" ".join(parts), ln.block, ln.kind, ln.level))
            continue
        out.append(ln)
        i += 1
    return out


def lines_from_text(text: str) -> list[Line]:
    """A saved text page: paragraphs separated by blank lines, lines kept."""
    out: list[Line] = []
    for b, block in enumerate(re.split(r"\n[ \t\u00a0]*\n", text.replace("\r\n", "\n"))):
        for raw in block.split("\n"):
            t = clean(re.sub(r"\t+", " | ", raw.strip("\t")))  # tab-separated table cells
            if not t:
                continue
            t, bullet = strip_bullet(t)
            out.append(Line(t, b, "li" if bullet else "p"))
    return out


# --- HTML -----------------------------------------------------------------------------------------------
_DROP_TAGS = {"del", "s", "strike",  # struck-out text: the old date of a moved event
              "script", "style", "noscript", "template", "svg", "iframe", "button", "select",
              "input", "nav", "footer", "head", "title", "meta", "link", "object", "canvas", "dialog"}
_CHROME = AnyCase(
    r"cookie|consent|gdpr|newsletter|nyhedsbrev|share|social-?links|some-links|skip|breadcrumb|"
    r"(?:^|[-_\s])(?:menu|navbar|nav|navigation|topbar|search|soeg|footer|header-top|site-header|"
    r"masthead|toolbar|login|modal|popup|related|relaterede|recommended)(?:$|[-_\s])")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "aside", "header", "li", "ul", "ol", "dl", "dt",
               "dd", "table", "tr", "tbody", "thead", "blockquote", "figure", "figcaption",
               "h1", "h2", "h3", "h4", "h5", "h6", "address", "pre", "hr", "body", "html", "center",
               "details", "summary", "caption", "time"}
_TABLE_TAGS = {"table", "tr", "tbody", "thead", "tfoot"}
_TEASER_HEAD = re.compile(r"(?i)^(?:se )?(?:kommende|andre|flere|relaterede|lignende|næste) (?:arrangementer|events|"
                          r"møder|kurser|konferencer|webinarer|temadage|netværksmøder|aktiviteter)|^se også|^del (?:siden|artiklen)|^nyhedsbrev|^relateret|"
                          r"^(?:seneste |flere |andre )?nyheder\b|^læs også|^aktuelt$|^mest læste|^seneste fra\b")


def _is_chrome(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS:
        return True
    # aria-hidden is not checked: sites hide visible date badges from screen readers with it
    if el.get("hidden") is not None or el.get("role") in ("navigation", "banner", "contentinfo", "search"):
        return True
    if "display:none" in (el.get("style") or "").replace(" ", ""):
        return True
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if attrs and _CHROME.search(attrs):
        return True
    if tag == "form":
        # a search or sign-up form is chrome; ASP.NET pages wrap the whole page in one form
        return len(el.text_content()) < 600
    if tag == "header":
        # a site header holds the menu; an article header holds the title and date: keep that one
        return el.find(".//nav") is not None or el.find(".//ul") is not None
    if tag in ("aside", "section", "div"):
        # a teaser box ("Kommende arrangementer", "Seneste nyheder") is a bare list under such a heading;
        # a listing under "Kommende møder" has descriptions, so it stays
        heads = el.iter("h1", "h2", "h3", "h4", "h5", "h6")  # lazily: divs nest deep on live pages
        first = next(heads, None)
        if first is not None and _TEASER_HEAD.match(clean(first.text_content())):
            # items with headings of their own make a listing (cfbu.dk's "Kommende arrangementer" cards)
            if sum(1 for _ in zip(range(2), heads)) == 2 and tag != "aside":
                return False
            return not any(len(p.text_content()) > 150 for p in el.iter("p"))
    return False


class _Walker:
    def __init__(self):
        self.lines: list[Line] = []
        self.buf: list[str] = []
        self.block = 0
        self.kind = "p"
        self.level = 0
        self.cell = 0

    def flush(self, new_block=True):
        if not self.buf:  # block boundaries come in runs; most have nothing to flush
            if new_block:
                self.block += 1
            return
        text = clean("".join(self.buf))
        if "|" in text:  # empty table cells leave runs of separators
            text = re.sub(r"(?:\s*\|\s*)+(?=\||$)", "", re.sub(r"(?:\s\|\s*){2,}", " | ", text)).strip(" |")
        self.buf = []
        if text:
            t, bullet = strip_bullet(text) if self.kind == "p" else (text, False)
            kind = "li" if bullet else self.kind
            self.lines.append(Line(t, self.block, kind, self.level))
        if new_block:
            self.block += 1

    def walk(self, el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment or processing instruction
            if el.tail:
                self.buf.append(el.tail)
            return
        if _is_chrome(el):
            if el.tail:
                self.buf.append(el.tail)
            return
        if self.cell and (tag == "br" or (tag in _BLOCK_TAGS and tag not in _TABLE_TAGS)):
            # lines and paragraphs inside a table cell are the cell's items: the row stays one line
            text = "".join(self.buf).rstrip()
            if text and not text.endswith("|"):
                self.buf.append("; ")
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
        elif tag == "br":
            self.flush(new_block=False)
        elif tag == "dt":
            # "Dato:" and its <dd> make one line: "Dato: 12. september 2024"
            self.flush()
            label = clean(el.text_content())
            if label:
                self.buf.append(label + ("" if label.endswith(":") else ":") + " ")
        elif tag == "dd" and self.buf:
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
            self.flush()
        elif tag in _BLOCK_TAGS:
            self.flush()
            prev_kind, prev_level = self.kind, self.level
            if tag[0] == "h" and tag[1:].isdigit():
                self.kind, self.level = "h", int(tag[1])
            elif tag in ("li", "dt", "dd"):
                self.kind, self.level = ("li" if tag == "li" else "p"), 0
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
            self.flush()
            self.kind, self.level = prev_kind, prev_level
        else:
            if tag in ("td", "th") and "".join(self.buf).strip():
                self.buf.append(" | ")  # table cells: "09.00-10.00 | Velkomst | Name, role"
            # a cell of a real table (a row of several cells), not a page or a card laid out in a table
            cell = tag in ("td", "th") and el.find(".//table") is None and len(el.text_content()) <= 600 and \
                sum(1 for c in el.getparent() if c.tag in ("td", "th")) >= 2
            self.cell += cell
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
            self.cell -= cell
            # adjacent inline elements written without a space ("<span>18</span><span>mar</span>",
            # "<strong>Hvornår</strong>Torsdag"): a word boundary the eye sees but the text lacks
            last = self.buf[-1][-1:] if self.buf and self.buf[-1] else ""
            tail = el.tail or ""
            nxt = el.getnext() if last and not tail else None
            # only the first character that follows matters: no need for the next element's whole text
            follow = tail if tail else (next((s for s in nxt.itertext() if s), "") if nxt is not None else "")
            if last and follow and not follow[0].isspace() and not last.isspace():
                f = follow[0]
                if (last.isdigit() and f.isalpha()) or (last.isalpha() and f.isdigit()) or \
                        (last.islower() and f.isupper()) or \
                        (not tail and nxt is not None and nxt.tag in ("span", "time") and last.isalnum() and f.isalnum()):
                    self.buf.append(" ")
        if el.tail:
            self.buf.append(el.tail)


def _content_root(doc):
    """The page's main content where the page marks it (main, article, #content), else the body."""
    for xp in ("//main", "//*[@role='main']", "//article", "//*[@id='content' or @id='main' or @id='main-content']"):
        found = doc.xpath(xp)
        if found:
            return found[0]
    body = doc.find("body")
    return body if body is not None else doc


# libxml2 stops reading a page nested 256 tags deep (a broken template's runaway <div>s, say); huge_tree lets it
# read 2,048 deep. The walk recurses once per level, so wrappers below _WALK_DEPTH are unwrapped first: their
# paragraphs, headings and list items stay, the layout tags around them go.
_PARSER = lxml.html.HTMLParser(huge_tree=True)
_WALK_DEPTH = 200
_WRAPPERS = ("div", "span", "section", "article", "font", "center", "b", "i", "em", "strong", "small", "big", "u")


def _unwrap_deep(doc) -> None:
    depth, deep = 0, []
    for event, el in etree.iterwalk(doc, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if event == "start" and depth == _WALK_DEPTH:
            deep.append(el)
    for el in deep:
        etree.strip_tags(el, *_WRAPPERS)


def lines_from_html(html: str | bytes) -> list[Line]:
    """HTML (str, or bytes in any encoding the page declares or UnicodeDammit can guess) → lines."""
    if isinstance(html, bytes):
        html = decode_html(html)
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        doc = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"not an HTML page: {exc}") from exc
    _unwrap_deep(doc)
    w = _Walker()
    root = _content_root(doc)
    # the page's title may stand in a hero block above <main>: read that block first
    h1 = next(iter(doc.iter("h1")), None)
    if root.tag != "body" and h1 is not None and not _inside(h1, root) and \
            not any(_is_chrome(a) for a in [h1, *h1.iterancestors()]):
        w.walk(h1.getparent())
        w.flush()
    w.walk(root)
    w.flush()
    # fact panels beside the article (date, place, price) sit outside it on DS and CFBU pages
    for aside in doc.iter("aside"):
        if root.tag != "body" and not _inside(aside, root) and not any(_is_chrome(a) for a in aside.iterancestors()):
            w.walk(aside)
            w.flush()
    return w.lines


def _inside(el, root) -> bool:
    return any(a is root for a in el.iterancestors())


def decode_html(data: bytes) -> str:
    """Bytes → text: the declared charset first (meta or BOM), then UnicodeDammit's guess."""
    head = data[:4096].decode("ascii", "ignore")
    m = re.search(r"""charset=["']?([\w-]+)""", head, re.I)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    # a declaration readable byte by byte as ASCII is itself proof that the page is not UTF-16 or UTF-32 (those
    # put NULs between the letters): such a declaration is wrong, and the bytes decode as what they are
    if m and re.match(r"(?i)utf-?(?:16|32)", m.group(1)):
        m = None
    if m:
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from bs4 import UnicodeDammit  # only for pages that lie about or omit their encoding
        return UnicodeDammit(data, ["utf-8", "windows-1252"]).unicode_markup


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:!doctype|html|body|div|p|h[1-6]|br|ul|table)\b", text[:5000], re.I))

"""Checks of what a user gives the command line, made before any work starts, so that a mistake costs one clear
line and exit code 2 rather than a traceback after a crawl (or a crawl that quietly does nothing).

Each check raises ArgumentError with the line to print.
"""
from __future__ import annotations

import difflib
import json
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from extract.sources import OTHER, source_names

LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
SOURCES = (*source_names(), OTHER)   # extract/data/sources.toml, and `other` for pages on no known site


class ArgumentError(ValueError):
    pass


def log_level(value: str) -> str:
    level = (value or "").strip().upper()
    if level not in LOG_LEVELS:
        raise ArgumentError(f"log level {value!r} is not one of {', '.join(LOG_LEVELS)}")
    return level


def writable_folder(path: str | os.PathLike, what: str = "the datasets folder") -> Path:
    """Makes the folder if needed and writes a file there: permissions, a read-only mount and a full disk all show
    only when one tries."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-check-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise ArgumentError(f"cannot write to {what} {folder}/: {exc.strerror or exc}") from exc
    return folder


def output_file(path: str) -> Path:
    """A file the command will write: its folder must exist and take a new file."""
    out = Path(path)
    if out.is_dir():
        raise ArgumentError(f"{path} is a folder; give a file name")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ArgumentError(f"cannot write {path}: there is no folder {folder}/")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ArgumentError(f"cannot write {path}: permission denied")
    return out


# --- settings (`crawl -s NAME=VALUE`) ---------------------------------------------------------------------
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def _bool(name: str, v: str) -> bool:
    if v.strip().lower() in _TRUE:
        return True
    if v.strip().lower() in _FALSE:
        return False
    raise ArgumentError(f"setting {name}={v!r}: not true/false (1/0)")


def _int(name: str, v: str, least: int = 0, most: int | None = None) -> int:
    try:
        n = int(v)
    except ValueError:
        raise ArgumentError(f"setting {name}={v!r}: not a whole number") from None
    if n < least or (most is not None and n > most):
        bound = f"between {least} and {most}" if most is not None else f"{least} or more"
        raise ArgumentError(f"setting {name}={v!r}: must be {bound}")
    return n


def _float(name: str, v: str, least: float = 0.0, most: float | None = None) -> float:
    try:
        x = float(v)
    except ValueError:
        raise ArgumentError(f"setting {name}={v!r}: not a number") from None
    if x != x or x < least or (most is not None and x > most):
        bound = f"between {least:g} and {most:g}" if most is not None else f"{least:g} or more"
        raise ArgumentError(f"setting {name}={v!r}: must be {bound}")
    return x


def _folder(name: str, v: str) -> str:
    if not Path(v).is_dir():
        raise ArgumentError(f"setting {name}={v!r}: no such folder")
    return v


def _address(name: str, v: str) -> str:
    host, _, port = v.rpartition(":")
    if not host:
        raise ArgumentError(f"setting {name}={v!r}: give HOST:PORT")
    _int(name, port, 1, 65535)
    return v


def _mail_list(name: str, v: str) -> str:
    bad = [a for a in v.split(",") if "@" not in a.strip()]
    if bad or not v.strip():
        raise ArgumentError(f"setting {name}={v!r}: give mail addresses separated by commas")
    return v


def _url(name: str, v: str) -> str:
    parts = urlsplit(v)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ArgumentError(f"setting {name}={v!r}: give an http:// or https:// URL")
    return v


def _log_file(name: str, v: str) -> str:
    try:  # a scheduled crawl's first run makes the folder of its log
        Path(v).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArgumentError(f"cannot write the log file {v}: {exc.strerror or exc}") from exc
    output_file(v)
    return v


# dkevents' own settings and Scrapy's that need more than the type of their default
SPECIAL = {
    "DATASETS_EXTRACT_WORKERS": lambda n, v: _int(n, v, 0, 64),
    "DATASETS_BATCH_ROWS": lambda n, v: _int(n, v, 1),
    "DATASETS_HANDOFF_PAGES": lambda n, v: _int(n, v, 1),
    "DATASETS_RUN_ID": lambda n, v: v,
    "DATASETS_DIR": lambda n, v: v,
    "SNAPSHOT": _bool,
    "SNAPSHOT_DIR": _folder,
    "SNAPSHOT_ADDRESS": _address,
    "MONITOR_MIN_PAGES": lambda n, v: _int(n, v, 0),
    "MONITOR_HISTORY_RUNS": lambda n, v: _int(n, v, 1),
    "MONITOR_HOLD_BACK": _bool,
    "PROGRESS_ENABLED": _bool,
    "ALERT_MAIL_TO": _mail_list,
    "ALERT_WEBHOOK_URL": _url,
    "MAIL_PORT": lambda n, v: _int(n, v, 1, 65535),
    "LOG_LEVEL": lambda n, v: log_level(v),
    "LOG_FILE": _log_file,
    "LOG_FILE_MAX_BYTES": lambda n, v: _int(n, v, 1),
    "CONCURRENT_REQUESTS": lambda n, v: _int(n, v, 1),
    # Scrapy reads these as numbers with a fraction, whatever type their default has
    **{name: _float for name in ("DOWNLOAD_TIMEOUT", "DOWNLOAD_DELAY", "AUTOTHROTTLE_START_DELAY",
                                 "AUTOTHROTTLE_MAX_DELAY", "AUTOTHROTTLE_TARGET_CONCURRENCY", "CLOSESPIDER_TIMEOUT")},
    "CONCURRENT_REQUESTS_PER_DOMAIN": lambda n, v: _int(n, v, 1),
}


def known_settings() -> dict:
    """Every setting name Scrapy or this project knows, with its default."""
    import scrapy.settings.default_settings as scrapy_defaults

    from . import settings as project
    known = {k: getattr(scrapy_defaults, k) for k in dir(scrapy_defaults) if k.isupper()}
    known.update({k: getattr(project, k) for k in dir(project) if k.isupper()})
    return known


def setting(name: str, value: str, known: dict | None = None):
    """One `-s NAME=VALUE` → the value Scrapy should get (typed)."""
    known = known if known is not None else known_settings()
    if name not in known:
        near = difflib.get_close_matches(name, known, n=1)
        raise ArgumentError(f"unknown setting {name}" + (f" (did you mean {near[0]}?)" if near else ""))
    if name in SPECIAL:
        return SPECIAL[name](name, value)
    if name.startswith("MONITOR_"):  # shares of something
        return _float(name, value, 0.0, 1.0)
    default = known[name]
    if isinstance(default, bool):
        return _bool(name, value)
    if isinstance(default, int):
        return _int(name, value)
    if isinstance(default, float):
        return _float(name, value)
    if isinstance(default, dict):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise ArgumentError(f"setting {name}={value!r}: give a JSON object")
        return parsed
    return value


def settings(pairs: list[str]) -> dict:
    """`-s NAME=VALUE` options → checked, typed settings."""
    known = known_settings()
    out = {}
    for kv in pairs:
        if "=" not in kv:
            raise ArgumentError(f"--set needs NAME=VALUE, got {kv!r}")
        name, value = kv.split("=", 1)
        out[name.strip()] = setting(name.strip(), value, known)
    return out

"""What changed since a run or a date, one line per change with its event and page, from `event_changes`
(`dkevents changes --since RUN|DATE`)."""
from __future__ import annotations

import datetime as dt

from .query import DatasetQuery, QueryError

_LOCAL = "'Europe/Copenhagen'"


def _local(expr: str) -> str:
    return f"strftime(TRY_CAST({expr} AS TIMESTAMPTZ) AT TIME ZONE {_LOCAL}, '%Y-%m-%d %H:%M')"


CHANGES = f"""
SELECT strftime(c.detected_at AT TIME ZONE {_LOCAL}, '%Y-%m-%d %H:%M') AS detected, c.source, c.change,
       coalesce(e.title, '(event no longer in the datasets)') AS event,
       strftime(e."start" AT TIME ZONE {_LOCAL}, '%Y-%m-%d %H:%M') AS "when",
       CASE c.change
         WHEN 'event_added' THEN 'new event'
         WHEN 'event_gone' THEN 'gone from its page (cancelled or removed)'
         WHEN 'date_moved' THEN 'moved from ' || coalesce({_local('c.old')}, 'no date') || ' to '
                                || coalesce({_local('c.new')}, 'no date')
         WHEN 'date_confirmed' THEN 'date confirmed'
         WHEN 'date_unconfirmed' THEN 'date no longer confirmed'
         WHEN 'status_changed' THEN 'status ' || coalesce(c.old, 'none') || ' -> ' || coalesce(c.new, 'none')
         WHEN 'venue_changed' THEN 'venue ' || coalesce(c.old, 'none') || ' -> ' || coalesce(c.new, 'none')
         WHEN 'speaker_added' THEN 'speaker added: ' || c.field
         WHEN 'speaker_removed' THEN 'speaker removed: ' || c.field
         WHEN 'speaker_confirmed' THEN 'speaker confirmed: ' || c.field
         ELSE c.change END AS what,
       coalesce(e.source_url, CASE WHEN c.change = 'event_gone' THEN c.old END) AS page,
       c.run_id
FROM event_changes c LEFT JOIN events e USING (event_id)
WHERE c.detected_at >= ?
ORDER BY c.detected_at, c.source, event, c.change, what
"""


def since_instant(q: DatasetQuery, since: str) -> dt.datetime:
    """A run id (that run's start) or a date YYYY-MM-DD (its local midnight) → the instant changes are listed from."""
    try:
        day = dt.date.fromisoformat(since)
    except ValueError:
        rows = q.df("SELECT started FROM runs WHERE run_id = ?", [since])
        if rows.empty:
            raise QueryError(f"no run {since!r}: give a run id (dkevents query \"SELECT run_id, spider, started "
                             f"FROM runs ORDER BY started DESC\") or a date YYYY-MM-DD") from None
        return rows.started.iloc[0].to_pydatetime()
    from zoneinfo import ZoneInfo
    return dt.datetime.combine(day, dt.time(), ZoneInfo("Europe/Copenhagen"))


def changes_since(root: str, since: str):
    """→ DataFrame, one row per change."""
    q = DatasetQuery(root)
    return q.df(CHANGES, [since_instant(q, since)])

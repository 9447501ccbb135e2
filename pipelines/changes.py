"""What changed between the committed state and a run: SQL over the views the store defines (old_<table>,
new_<table>, seen_pages, joined_events (pipelines/matching.py), and the function title_key). Parameters: $run_id, $now.

A change is recorded only where it happened: on a page whose content differs from the last fetch of it (a
re-read of the same bytes, or a better extractor, changes no history), for a source crawled before (the first
crawl of a source adds its events without calling each one added)."""

# An event whose day changed has a new id. The same page and the same title (as an identity, so `AFLYST X` is X)
# tell it is the same event; only one-to-one pairs count (two meetings of one series are not each other's moves).
MOVED_SQL = """
WITH gone AS (
  SELECT event_id, source_url, title_key(title) AS tk, "start" FROM old_events
  WHERE event_id NOT IN (SELECT event_id FROM new_events) AND event_id NOT IN (SELECT old_id FROM joined_events)
), fresh AS (
  SELECT event_id, source, source_url, title_key(title) AS tk, "start" FROM new_events
  WHERE event_id NOT IN (SELECT event_id FROM old_events)
)
SELECT g.event_id AS old_id, f.event_id AS new_id, f.source, f.source_url, g."start" AS o_start, f."start" AS n_start
FROM gone g JOIN fresh f ON g.source_url = f.source_url AND g.tk = f.tk
QUALIFY count(*) OVER (PARTITION BY g.event_id) = 1 AND count(*) OVER (PARTITION BY f.event_id) = 1
"""

CHANGE_SQL = """
WITH changed_pages AS (
  SELECT n.url FROM new_pages n LEFT JOIN old_pages o USING (url)
  WHERE o.url IS NULL OR o.content_hash IS DISTINCT FROM n.content_hash
),
moved AS (SELECT * FROM moved_events WHERE source_url IN (SELECT url FROM changed_pages)),
ev AS (
  SELECT n.event_id, n.source, o.event_id AS old_id, n.source_url IN (SELECT url FROM changed_pages) AS page_changed,
         n.source IN (SELECT source FROM old_pages) AS source_known,
         o."start" AS o_start, n."start" AS n_start, o.date_confirmed AS o_conf, n.date_confirmed AS n_conf,
         o.status AS o_status, n.status AS n_status, o.venue_raw AS o_venue, n.venue_raw AS n_venue
  FROM new_events n LEFT JOIN old_events o USING (event_id)
),
ev_changed AS (SELECT * FROM ev WHERE page_changed),
old_people AS (  -- who spoke at each event before, under the event's current id
  SELECT coalesce(m.new_id, o.event_id) AS event_id, any_value(o.source) AS source, o.name_key,
         any_value(o.name) AS name, bool_and(o.confirmed) AS confirmed
  FROM old_appearances o LEFT JOIN moved m ON o.event_id = m.old_id GROUP BY ALL
),
new_people AS (
  SELECT event_id, any_value(source) AS source, name_key, any_value(name) AS name, bool_and(confirmed) AS confirmed
  FROM new_appearances GROUP BY ALL
),
ap AS (
  SELECT coalesce(n.event_id, o.event_id) AS event_id, coalesce(n.source, o.source) AS source,
         coalesce(n.name, o.name) AS name, n.name_key AS n_id, o.name_key AS o_id,
         o.confirmed AS o_conf, n.confirmed AS n_conf
  FROM new_people n FULL OUTER JOIN old_people o ON n.event_id = o.event_id AND n.name_key = o.name_key
  WHERE coalesce(n.event_id, o.event_id) IN (SELECT event_id FROM ev_changed)
    AND (coalesce(n.event_id, o.event_id) IN (SELECT event_id FROM old_events)
         OR coalesce(n.event_id, o.event_id) IN (SELECT new_id FROM moved))
)
SELECT $run_id AS run_id, $now AS detected_at, event_id, source, 'event_added' AS change, NULL AS field,
       NULL AS old, NULL AS new
  FROM ev_changed WHERE old_id IS NULL AND source_known AND event_id NOT IN (SELECT new_id FROM moved_events)
UNION ALL
SELECT $run_id, $now, new_id, source, 'date_moved', 'start', CAST(o_start AS VARCHAR), CAST(n_start AS VARCHAR)
  FROM moved WHERE o_start IS DISTINCT FROM n_start  -- (an id can change on the same day: a title read anew)
UNION ALL
SELECT $run_id, $now, event_id, source, 'date_moved', 'start', CAST(o_start AS VARCHAR), CAST(n_start AS VARCHAR)
  FROM ev_changed WHERE old_id IS NOT NULL AND o_start IS DISTINCT FROM n_start
UNION ALL
SELECT $run_id, $now, event_id, source, CASE WHEN n_conf THEN 'date_confirmed' ELSE 'date_unconfirmed' END,
       'date_confirmed', CAST(o_conf AS VARCHAR), CAST(n_conf AS VARCHAR)
  FROM ev_changed WHERE old_id IS NOT NULL AND o_conf IS DISTINCT FROM n_conf
UNION ALL
SELECT $run_id, $now, event_id, source, 'status_changed', 'status', o_status, n_status
  FROM ev_changed WHERE old_id IS NOT NULL AND o_status IS DISTINCT FROM n_status
UNION ALL
SELECT $run_id, $now, event_id, source, 'venue_changed', 'venue', o_venue, n_venue
  FROM ev_changed WHERE old_id IS NOT NULL AND o_venue IS DISTINCT FROM n_venue
UNION ALL
SELECT $run_id, $now, event_id, source, 'speaker_added', name, NULL, name FROM ap WHERE o_id IS NULL
UNION ALL
SELECT $run_id, $now, event_id, source, 'speaker_removed', name, name, NULL FROM ap WHERE n_id IS NULL
UNION ALL
SELECT $run_id, $now, event_id, source, 'speaker_confirmed', name, 'false', 'true'
  FROM ap WHERE o_id IS NOT NULL AND n_id IS NOT NULL AND NOT o_conf AND n_conf
UNION ALL
SELECT $run_id, $now, o.event_id, o.source, 'event_gone', 'source_url', o.source_url, NULL
  FROM old_events o
  WHERE o.source_url IN (SELECT url FROM seen_pages)
    AND o.event_id NOT IN (SELECT event_id FROM new_events)
    AND o.event_id NOT IN (SELECT old_id FROM moved_events)
    AND o.event_id NOT IN (SELECT old_id FROM joined_events)  -- the same meeting, now one event with another
    AND o.status <> 'cancelled_or_removed'
"""

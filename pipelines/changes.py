"""What changed between the committed state and a run: one SQL query over the views the store defines
(old_events/new_events, old_appearances/new_appearances, seen_pages). Parameters: $run_id, $now, $had_old."""

CHANGE_SQL = """
WITH ev AS (
  SELECT n.event_id, n.source, o.event_id AS old_id,
         o."start" AS o_start, n."start" AS n_start, o.date_confirmed AS o_conf, n.date_confirmed AS n_conf,
         o.status AS o_status, n.status AS n_status, o.venue_raw AS o_venue, n.venue_raw AS n_venue
  FROM new_events n LEFT JOIN old_events o USING (event_id)
),
ap AS (
  SELECT coalesce(n.event_id, o.event_id) AS event_id, coalesce(n.source, o.source) AS source,
         coalesce(n.name, o.name) AS name, n.appearance_id AS n_id, o.appearance_id AS o_id,
         o.confirmed AS o_conf, n.confirmed AS n_conf
  FROM new_appearances n FULL OUTER JOIN old_appearances o USING (appearance_id)
  WHERE coalesce(n.event_id, o.event_id) IN (SELECT event_id FROM new_events)
    AND coalesce(n.event_id, o.event_id) IN (SELECT event_id FROM old_events)
)
SELECT $run_id AS run_id, $now AS detected_at, event_id, source, 'event_added' AS change, NULL AS field,
       NULL AS old, NULL AS new
  FROM ev WHERE old_id IS NULL AND $had_old
UNION ALL
SELECT $run_id, $now, event_id, source, 'date_moved', 'start', CAST(o_start AS VARCHAR), CAST(n_start AS VARCHAR)
  FROM ev WHERE old_id IS NOT NULL AND o_start IS DISTINCT FROM n_start
UNION ALL
SELECT $run_id, $now, event_id, source, CASE WHEN n_conf THEN 'date_confirmed' ELSE 'date_unconfirmed' END,
       'date_confirmed', CAST(o_conf AS VARCHAR), CAST(n_conf AS VARCHAR)
  FROM ev WHERE old_id IS NOT NULL AND o_conf IS DISTINCT FROM n_conf
UNION ALL
SELECT $run_id, $now, event_id, source, 'status_changed', 'status', o_status, n_status
  FROM ev WHERE old_id IS NOT NULL AND o_status IS DISTINCT FROM n_status
UNION ALL
SELECT $run_id, $now, event_id, source, 'venue_changed', 'venue', o_venue, n_venue
  FROM ev WHERE old_id IS NOT NULL AND o_venue IS DISTINCT FROM n_venue
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
    AND o.status <> 'cancelled_or_removed'
"""

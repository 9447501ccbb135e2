"""Writes notebooks/who_speaks_where.ipynb (unexecuted) from the cells below, so the notebook's source is
reviewable as plain Python. `make notebooks` executes it and renders it to HTML.

    .venv/bin/python notebooks/build_notebook.py
"""
from pathlib import Path

import nbformat as nbf

CELLS = [
    ("md", """# Who speaks where

Which people appear at which organisers' events, in what roles, for which parties, and how that changes over time.
The data are the dkevents datasets (`make demo` crawls the bundled snapshot of Altinget, Samuelsen, Dansk
Socialrådgiverforening and CFBU and writes them to `datasets/`). Set `DKEVENTS_DATASETS` to read another folder."""),
    ("code", """import os
from pathlib import Path

import duckdb
import matplotlib.pyplot as plt
import networkx as nx

DATASETS = Path(os.environ.get("DKEVENTS_DATASETS", "../datasets")).resolve()
con = duckdb.connect()
for table in ["events", "appearances", "people", "organisations", "parties"]:
    con.execute(f\"\"\"CREATE VIEW {table} AS SELECT * FROM read_parquet('{DATASETS}/{table}/**/*.parquet',
                    hive_partitioning=true, union_by_name=true)\"\"\")
q = lambda sql: con.execute(sql).df()
q("SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM appearances) AS appearances, "
  "(SELECT count(*) FROM people) AS people")"""),
    ("md", """## Top speakers overall and per source
People counted once per event, resolved across spellings and sources (`people.person_id`)."""),
    ("code", """top = q(\"\"\"SELECT p.name, count(DISTINCT a.event_id) AS events, string_agg(DISTINCT a.source, ', ') AS sources
            FROM appearances a JOIN people p USING (person_id)
            GROUP BY p.name ORDER BY events DESC, p.name LIMIT 15\"\"\")
fig, ax = plt.subplots(figsize=(8, 5))
ax.barh(top.name[::-1], top.events[::-1], color="#2b6cb0")
ax.set_title("Top speakers across all organisers")
ax.set_xlabel("events spoken at")
ax.set_ylabel("person")
plt.tight_layout(); plt.show()
print("The people who appear at the most events, whatever the organiser.")
top"""),
    ("code", """per_source = q(\"\"\"SELECT source, name, events FROM (
        SELECT a.source, p.name, count(DISTINCT a.event_id) AS events,
               row_number() OVER (PARTITION BY a.source ORDER BY count(DISTINCT a.event_id) DESC, p.name) AS rank
        FROM appearances a JOIN people p USING (person_id) GROUP BY a.source, p.name) WHERE rank <= 5
        ORDER BY source, events DESC\"\"\")
sources = sorted(per_source.source.unique())
cols = min(4, len(sources))  # a grid, four organisers a row: one row of ten would be too wide to read
rows = -(-len(sources) // cols)
fig, axes = plt.subplots(rows, cols, figsize=(4.5 * cols, 3.2 * rows), squeeze=False)
for ax in axes.flat[len(sources):]:
    ax.axis("off")
for ax, src in zip(axes.flat, sources):
    d = per_source[per_source.source == src]
    ax.barh(d.name[::-1], d.events[::-1], color="#805ad5")
    ax.set_title(f"Top speakers: {src}")
    ax.set_xlabel("events")
    ax.set_ylabel("person")
plt.tight_layout(); plt.show()
print("The five most frequent speakers at each organiser: each organiser has its own regulars.")"""),
    ("md", """## Speakers per organiser and network"""),
    ("code", """per_network = q(\"\"\"SELECT e.source, coalesce(e.series, '(no network named)') AS network,
            count(DISTINCT e.event_id) AS events, count(DISTINCT a.person_id) AS speakers
            FROM events e LEFT JOIN appearances a USING (event_id) GROUP BY ALL ORDER BY speakers DESC\"\"\")
fig, ax = plt.subplots(figsize=(8, 4))
labels = per_network.source + " · " + per_network.network
ax.barh(labels[::-1], per_network.speakers[::-1], color="#38a169")
ax.set_title("Distinct speakers per organiser and network")
ax.set_xlabel("distinct speakers")
ax.set_ylabel("organiser · network")
plt.tight_layout(); plt.show()
print("How many different people each organiser and network puts on stage.")
per_network"""),
    ("md", """## Party distribution of politicians per source and year"""),
    ("code", """parties = q(\"\"\"SELECT a.source, year(a.event_start) AS year, a.party, count(DISTINCT a.person_id) AS people
            FROM appearances a WHERE a.party IS NOT NULL AND a.event_start IS NOT NULL GROUP BY ALL\"\"\")
if parties.empty:
    print("No party letters in these data.")
else:
    pivot = parties.pivot_table(index=["source", "year"], columns="party", values="people", aggfunc="sum", fill_value=0)
    ax = pivot.plot(kind="bar", stacked=True, figsize=(9, 4), colormap="tab20")
    ax.set_title("Politicians by party, per organiser and year")
    ax.set_xlabel("organiser, year")
    ax.set_ylabel("politicians (distinct people)")
    plt.tight_layout(); plt.show()
    print("Which parties' politicians each organiser invites, year by year.")"""),
    ("md", """## Roles by kind
Each person's kind (politician, researcher, civil servant, municipality, union, NGO, business) is read from the
party letters, roles and organisations seen with them (`pipelines/people.py`)."""),
    ("code", """kinds = q(\"\"\"SELECT a.source, p.kind, count(DISTINCT p.person_id) AS people
           FROM appearances a JOIN people p USING (person_id) GROUP BY ALL\"\"\")
pivot = kinds.pivot_table(index="source", columns="kind", values="people", aggfunc="sum", fill_value=0)
ax = pivot.plot(kind="bar", stacked=True, figsize=(8, 4), colormap="Set2")
ax.set_title("Speakers by kind, per organiser")
ax.set_xlabel("organiser")
ax.set_ylabel("speakers (distinct people)")
plt.tight_layout(); plt.show()
print("The mix of politicians, researchers, civil servants, municipalities, unions and NGOs on each organiser's stage.")"""),
    ("md", """## Speakers and organisers: a bipartite network
People who speak for more than one organiser link the organisers' networks."""),
    ("code", """edges = q(\"\"\"SELECT p.name, a.source, count(DISTINCT a.event_id) AS events
           FROM appearances a JOIN people p USING (person_id) GROUP BY ALL\"\"\")
multi = edges.groupby("name").source.nunique()
keep = set(multi[multi > 1].index) | set(edges.sort_values("events", ascending=False).name.head(25))
g = nx.Graph()
for r in edges[edges.name.isin(keep)].itertuples():
    g.add_node(r.source, kind="organiser")
    g.add_node(r.name, kind="person")
    g.add_edge(r.name, r.source, weight=r.events)
pos = nx.spring_layout(g, seed=7, k=0.6)
fig, ax = plt.subplots(figsize=(10, 7))
orgs = [n for n, d in g.nodes(data=True) if d["kind"] == "organiser"]
persons = [n for n in g if n not in orgs]
nx.draw_networkx_nodes(g, pos, nodelist=orgs, node_color="#e53e3e", node_size=900, ax=ax)
nx.draw_networkx_nodes(g, pos, nodelist=persons, node_color="#90cdf4", node_size=120, ax=ax)
nx.draw_networkx_edges(g, pos, width=[g[u][v]["weight"] for u, v in g.edges], alpha=0.5, ax=ax)
nx.draw_networkx_labels(g, pos, labels={n: n for n in orgs}, font_weight="bold", ax=ax)
nx.draw_networkx_labels(g, pos, labels={n: n for n in persons}, font_size=7, ax=ax)
ax.set_title("Speakers (blue) and the organisers they speak for (red)")
ax.set_xlabel("network layout (no axis units)")
ax.set_ylabel("network layout (no axis units)")
plt.tight_layout(); plt.show()
print(f"{len(persons)} people and {len(orgs)} organisers; people linked to two organisers bridge their audiences.")"""),
    ("md", """## One person's appearances over time"""),
    ("code", """who = q(\"\"\"SELECT p.person_id, p.name FROM people p ORDER BY p.events DESC, p.appearances DESC, p.name LIMIT 1\"\"\")
pid, name = who.person_id[0], who.name[0]
timeline = q(f\"\"\"SELECT e."start" AS start, e.source, e.title, a.role FROM appearances a JOIN events e USING (event_id)
              WHERE a.person_id = '{pid}' AND e."start" IS NOT NULL ORDER BY 1\"\"\")
fig, ax = plt.subplots(figsize=(9, 2.8))
srcs = sorted(timeline.source.unique())
ax.scatter(timeline.start, [srcs.index(s) for s in timeline.source], s=80, color="#dd6b20")
ax.set_yticks(range(len(srcs)), srcs)
ax.set_title(f"Appearances of {name} over time")
ax.set_xlabel("event date")
ax.set_ylabel("organiser")
plt.tight_layout(); plt.show()
print(f"When and where {name}, the most frequent speaker in these data, appeared, and in which role.")
timeline"""),
]


def build() -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src) for kind, src in CELLS]
    return nb


if __name__ == "__main__":
    out = Path(__file__).parent / "who_speaks_where.ipynb"
    nbf.write(build(), out)
    print(f"wrote {out}")

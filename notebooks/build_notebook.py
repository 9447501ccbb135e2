"""Writes notebooks/who_speaks_where.ipynb (unexecuted) from the cells below, so the notebook's source is
reviewable as plain Python. `make notebooks` executes it and renders it to HTML.

    .venv/bin/python notebooks/build_notebook.py

Every sentence the notebook prints is computed from the data in the cell that prints it (ties are named as
ties); tests/test_notebook.py recomputes the claims from the datasets and compares. Counts are of people at
events (appearances has one row per person per event), and every axis that counts has integer ticks.
"""
from pathlib import Path

import nbformat as nbf

CELLS = [
    ("md", """# Who speaks where

Which people appear at which organisers' events, in what roles, for which parties, and how that changes over time.
The data are the dkevents datasets (`make demo` crawls the bundled snapshot of Altinget, Samuelsen, Dansk
Socialrådgiverforening and CFBU and writes them to `datasets/`). Set `DKEVENTS_DATASETS` to read another folder.
A meeting listed on several pages is one event (`event_pages` lists its pages), and a person is counted once per
event however many sessions they speak at. Dates are Copenhagen dates."""),
    ("code", """import base64
import html
import io
import os
from pathlib import Path

import duckdb
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
from IPython.display import HTML, display
from matplotlib.ticker import MaxNLocator

DATASETS = Path(os.environ.get("DKEVENTS_DATASETS", "../datasets")).resolve()
con = duckdb.connect()
con.execute("SET TimeZone = 'Europe/Copenhagen'")  # date(start), year(start): the Danish day and year
for table in ["events", "appearances", "people", "organisations", "parties", "event_pages"]:
    con.execute(f\"\"\"CREATE VIEW {table} AS SELECT * FROM read_parquet('{DATASETS}/{table}/**/*.parquet',
                    hive_partitioning=true, union_by_name=true)\"\"\")
q = lambda sql: con.execute(sql).df()


def show(fig, alt):
    \"\"\"The figure as an image with alt text (a screen reader reads what the chart shows).\"\"\"
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode()
    alt = html.escape(alt, quote=True)
    display(HTML(f'<img src="data:image/png;base64,{data}" alt="{alt}" title="{alt}">'))


def integer_axis(axis):
    axis.set_major_locator(MaxNLocator(integer=True))  # counts: no ticks at 0.25 events


def listing(names, most=6):
    names = [str(n) for n in names]
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


summary = q("SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_pages) AS listings, "
            "(SELECT count(*) FROM appearances) AS appearances, (SELECT count(*) FROM people) AS people")
print(f"{summary.events[0]} events (listed {summary.listings[0]} times on the pages), "
      f"{summary.appearances[0]} appearances of {summary.people[0]} people.")
summary"""),
    ("md", """## Who speaks most
People counted once per event, resolved across spellings and sources (`people.person_id`). Rather than a
ranking that would order people with the same count arbitrarily, the chart shows how many people spoke at 1, 2,
... events, and the table lists everyone who shares the top count."""),
    ("code", """per_person = q(\"\"\"SELECT p.name, count(DISTINCT a.event_id) AS events,
                   string_agg(DISTINCT a.source, ', ' ORDER BY a.source) AS organisers
                   FROM appearances a JOIN people p USING (person_id) GROUP BY p.person_id, p.name\"\"\")
spread = per_person.groupby("events").size()
top = int(per_person.events.max())
tied = per_person[per_person.events == top].sort_values("name")
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.bar(spread.index, spread.values, color="#2b6cb0", width=0.6)
for x, y in spread.items():
    ax.annotate(str(y), (x, y), ha="center", va="bottom")
integer_axis(ax.xaxis); integer_axis(ax.yaxis)
ax.set_title("How many events each speaker spoke at")
ax.set_xlabel("events spoken at")
ax.set_ylabel("people")
show(fig, "Bar chart: " + "; ".join(f"{y} people spoke at {x} event{'s' if x > 1 else ''}" for x, y in spread.items()))
if len(tied) == 1:
    print(f"{tied.name.iloc[0]} spoke at the most events: {top}.")
else:
    print(f"No one person stands out: {len(tied)} people share the top count of {top} events "
          f"({listing(tied.name)}).")
tied.reset_index(drop=True)"""),
    ("code", """per_source = q(\"\"\"SELECT source, count(*) AS speakers, count(*) FILTER (WHERE events > 1) AS returning
                   FROM (SELECT a.source, a.person_id, count(DISTINCT a.event_id) AS events
                         FROM appearances a GROUP BY ALL) GROUP BY source ORDER BY source\"\"\")
fig, ax = plt.subplots(figsize=(7, 3.5))
x = range(len(per_source))
ax.bar([i - 0.2 for i in x], per_source.speakers, width=0.4, label="speakers", color="#805ad5")
ax.bar([i + 0.2 for i in x], per_source.returning, width=0.4, label="spoke at 2 or more of its events",
       color="#d69e2e")
for bars in ax.containers:
    ax.bar_label(bars)  # a bar of 0 is shown as 0, not as nothing
ax.set_xticks(list(x), per_source.source)
integer_axis(ax.yaxis)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)  # beside the bars, never over one
ax.set_title("Speakers per organiser, and how many return")
ax.set_xlabel("organiser")
ax.set_ylabel("people")
show(fig, "Grouped bar chart: " + "; ".join(f"{r.source}: {r.speakers} speakers, {r.returning} returning"
                                            for r in per_source.itertuples()))
for r in per_source.itertuples():
    print(f"{r.source}: {r.returning} of its {r.speakers} speakers spoke at more than one of its events.")"""),
    ("md", """## Speakers per organiser and network
The network is the series a page names (`events.series`); events whose pages name none are grouped apart."""),
    ("code", """per_network = q(\"\"\"SELECT e.source, coalesce(e.series, '(no network named)') AS network,
            count(DISTINCT e.event_id) AS events, count(DISTINCT a.person_id) AS speakers
            FROM events e LEFT JOIN appearances a USING (event_id) GROUP BY ALL
            ORDER BY speakers DESC, e.source, network\"\"\")
fig, ax = plt.subplots(figsize=(8, 0.35 * len(per_network) + 1))
labels = per_network.source + " · " + per_network.network
ax.barh(labels[::-1], per_network.speakers[::-1], color="#38a169")
ax.bar_label(ax.containers[0], padding=2)
integer_axis(ax.xaxis)
ax.set_title("Distinct speakers per organiser and network")
ax.set_xlabel("distinct speakers")
ax.set_ylabel("organiser · network")
show(fig, "Horizontal bar chart of distinct speakers: " + "; ".join(
    f"{l}: {n}" for l, n in zip(labels, per_network.speakers)))
most = per_network[per_network.speakers == per_network.speakers.max()]
print(f"Most distinct speakers ({most.speakers.iloc[0]}): " + listing(most.source + " · " + most.network) + ".")
per_network"""),
    ("md", """## Party by year
Politicians (people with a party letter) per party and year of the event; a person counts once per year."""),
    ("code", """party_year = q(\"\"\"SELECT year(e.date) AS year, a.party, count(DISTINCT a.person_id) AS politicians
            FROM appearances a JOIN events e USING (event_id)
            WHERE a.party IS NOT NULL AND e.date IS NOT NULL GROUP BY ALL\"\"\")
overall = q(\"\"\"SELECT a.party, count(DISTINCT a.person_id) AS politicians FROM appearances a
            WHERE a.party IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1\"\"\")
pivot = party_year.pivot_table(index="year", columns="party", values="politicians", aggfunc="sum", fill_value=0)
pivot = pivot[list(overall.party[overall.party.isin(pivot.columns)])]  # largest parties first
fig, ax = plt.subplots(figsize=(9, 4))
pivot.plot(kind="bar", stacked=True, ax=ax, colormap="tab20", width=0.7)
integer_axis(ax.yaxis)
ax.legend(title="party", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
ax.set_title("Politicians on stage by party and year")
ax.set_xlabel("year")
ax.set_ylabel("politicians (distinct people)")
ax.tick_params(axis="x", rotation=0)
show(fig, "Stacked bar chart by year: " + "; ".join(
    f"{y}: " + ", ".join(f"{p} {int(n)}" for p, n in row.items() if n) for y, row in pivot.iterrows()))
leaders = overall[overall.politicians == overall.politicians.max()]
print(f"Across all years, {listing(leaders.party)} had the most politicians on stage "
      f"({leaders.politicians.iloc[0]} people){' (a tie)' if len(leaders) > 1 else ''}.")"""),
    ("md", """## Organisers by who they invite
Each person's kind (politician, researcher, civil servant, municipality, union, NGO, business) is read from the
party letters, roles and organisations seen with them (`pipelines/people.py`)."""),
    ("code", """kinds = q(\"\"\"SELECT a.source, p.kind, count(DISTINCT p.person_id) AS people
           FROM appearances a JOIN people p USING (person_id) GROUP BY ALL\"\"\")
pivot = kinds.pivot_table(index="source", columns="kind", values="people", aggfunc="sum", fill_value=0)
fig, ax = plt.subplots(figsize=(9, 3.5))
pivot.plot(kind="barh", stacked=True, ax=ax, colormap="Set2", width=0.7)
integer_axis(ax.xaxis)
ax.legend(title="kind of speaker", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
ax.set_title("Who each organiser puts on stage")
ax.set_xlabel("speakers (distinct people)")
ax.set_ylabel("organiser")
show(fig, "Stacked horizontal bars per organiser: " + "; ".join(
    f"{s}: " + ", ".join(f"{k} {int(n)}" for k, n in row.items() if n) for s, row in pivot.iterrows()))
for source, row in pivot.iterrows():
    biggest = row[row == row.max()]
    print(f"{source} invites {listing(biggest.index)} most often ({int(row.max())} of {int(row.sum())} speakers)"
          f"{' (a tie)' if len(biggest) > 1 else ''}.")"""),
    ("md", """## Speakers' organisations by type
The organisation each speaker is introduced with, in canonical form (`appearances.organisation`), by the kind of
organisation it is (`organisations.kind`)."""),
    ("code", """org_kinds = q(\"\"\"SELECT coalesce(o.kind, '(no organisation named)') AS organisation_kind,
               count(DISTINCT a.person_id) AS people
               FROM appearances a LEFT JOIN organisations o ON a.organisation = o.name
               GROUP BY 1 ORDER BY people DESC, organisation_kind\"\"\")
fig, ax = plt.subplots(figsize=(8, 3.8))
ax.barh(org_kinds.organisation_kind[::-1], org_kinds.people[::-1], color="#dd6b20")
ax.bar_label(ax.containers[0], padding=2)
integer_axis(ax.xaxis)
ax.set_title("Speakers by the kind of organisation they speak for")
ax.set_xlabel("speakers (distinct people)")
ax.set_ylabel("kind of organisation")
show(fig, "Horizontal bar chart: " + "; ".join(f"{k} {n}" for k, n in zip(org_kinds.organisation_kind,
                                                                          org_kinds.people)))
kinds_known = org_kinds[~org_kinds.organisation_kind.isin(["(no organisation named)", "other"])]
first = kinds_known[kinds_known.people == kinds_known.people.max()]
unknown = dict(zip(org_kinds.organisation_kind, org_kinds.people))
print(f"{unknown.get('(no organisation named)', 0)} speakers are introduced without an organisation and "
      f"{unknown.get('other', 0)} with one of no recognised kind; of the kinds recognised, "
      f"{listing(first.organisation_kind)} {'are' if len(first) > 1 else 'is'} the most common "
      f"({first.people.iloc[0]} people){' (a tie)' if len(first) > 1 else ''}.")
org_kinds"""),
    ("md", """## Speakers and organisers: a network
Organisers (red) and the people who speak for them (blue); a line is at least one event, thicker for more. Only
people who speak more than once are drawn, and of them only those in the largest connected group are named (the
organisers always are). Organisers sit in a column on the left and people on the right, one row each, so no label
covers another or a node."""),
    ("code", """edges = q(\"\"\"SELECT p.name, a.source, count(DISTINCT a.event_id) AS events
           FROM appearances a JOIN people p USING (person_id) GROUP BY ALL\"\"\")
totals = edges.groupby("name").events.sum()
multi = edges.groupby("name").source.nunique()
keep = set(totals[totals > 1].index) | set(multi[multi > 1].index)
g = nx.Graph()
for r in edges[edges.name.isin(keep)].itertuples():
    g.add_node(r.source, kind="organiser")
    g.add_node(r.name, kind="person")
    g.add_edge(r.name, r.source, weight=r.events)
orgs = sorted(n for n, d in g.nodes(data=True) if d["kind"] == "organiser")
largest = max(nx.connected_components(g), key=len) if g else set()
# people ordered by the organisers they speak for, so lines to one organiser stay together
persons = sorted((n for n in g if n not in orgs), key=lambda n: (sorted(g[n]), n))
pos = {o: (0.0, 1 - (i + 0.5) / len(orgs)) for i, o in enumerate(orgs)}
pos.update({p: (1.0, 1 - (i + 0.5) / len(persons)) for i, p in enumerate(persons)})
fig, ax = plt.subplots(figsize=(9, max(4, 0.32 * len(persons))))
nx.draw_networkx_edges(g, pos, width=[g[u][v]["weight"] for u, v in g.edges], alpha=0.45, ax=ax)
nx.draw_networkx_nodes(g, pos, nodelist=orgs, node_color="#e53e3e", node_size=700, ax=ax)
nx.draw_networkx_nodes(g, pos, nodelist=persons, node_color="#90cdf4", node_size=90, ax=ax)
for n in g:
    if n in orgs or n in largest:
        x, y = pos[n]
        left = n in orgs
        ax.text(x - 0.09 if left else x + 0.03, y, n, ha="right" if left else "left", va="center",
                fontsize=10 if left else 8, fontweight="bold" if left else "normal")
ax.set_xlim(-0.5, 1.6)
ax.set_title("Organisers (red) and the people who speak for them more than once (blue)")
ax.set_xlabel("organisers (left) and people (right); no axis units")
ax.set_ylabel("")
ax.set_xticks([]); ax.set_yticks([])
bridges = sorted(p for p in persons if g.degree(p) > 1)
show(fig, f"Network: {len(orgs)} organisers and {len(persons)} people who speak more than once; "
          f"{len(bridges)} of them speak for two or more organisers: {', '.join(bridges)}")
print(f"{len(persons)} people speak more than once; {len(bridges)} of them speak for more than one organiser "
      f"({listing(bridges)}); the largest connected group has {len(largest & set(persons))} people and "
      f"{len(largest & set(orgs))} organisers.")"""),
    ("md", """## One person's appearances over time"""),
    ("code", """ranked = per_person.assign(n_orgs=per_person.organisers.str.count(",") + 1).sort_values(
    ["events", "n_orgs", "name"], ascending=[False, False, True])
name = ranked.name.iloc[0]
timeline = q(f\"\"\"SELECT e.date, e.source, e.title, a.role FROM appearances a JOIN events e USING (event_id)
              JOIN people p USING (person_id) WHERE p.name = '{name.replace("'", "''")}' AND e.date IS NOT NULL
              ORDER BY 1\"\"\")
fig, ax = plt.subplots(figsize=(9, 2.8))
srcs = sorted(timeline.source.unique())
ax.scatter(timeline.date, [srcs.index(s) for s in timeline.source], s=80, color="#dd6b20")
ax.set_yticks(range(len(srcs)), srcs)
ax.set_ylim(-0.5, len(srcs) - 0.5)
dates = mdates.AutoDateLocator(maxticks=6)
ax.xaxis.set_major_locator(dates)
ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(dates))  # ticks that do not run into each other
ax.set_title(f"Appearances of {name} over time")
ax.set_xlabel("event date")
ax.set_ylabel("organiser")
show(fig, f"Timeline of {name}: " + "; ".join(f"{d:%Y-%m-%d} at {s}" for d, s in zip(timeline.date, timeline.source)))
print(f"{name} is one of {len(tied)} people tied at {top} events (shown: the one speaking for the most "
      f"organisers, then by name); the {len(timeline)} appearances, with dates, organisers and roles:"
      if len(tied) > 1 else f"{name}, the most frequent speaker in these data, and the {len(timeline)} appearances:")
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

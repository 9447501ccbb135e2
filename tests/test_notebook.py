"""notebooks/who_speaks_where.ipynb runs top to bottom on the datasets of a real snapshot crawl, and every plot
has a title and labelled axes."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "who_speaks_where.ipynb"


def test_notebook_is_built_from_its_source():
    import sys
    sys.path.insert(0, str(ROOT / "notebooks"))
    from build_notebook import build
    on_disk = nbformat.read(NB, as_version=4)
    assert [c.source for c in on_disk.cells] == [c.source for c in build().cells], \
        "run .venv/bin/python notebooks/build_notebook.py"


def test_notebook_executes_top_to_bottom(snapshot_crawl, monkeypatch):
    monkeypatch.setenv("DKEVENTS_DATASETS", str(snapshot_crawl[0]))
    nb = nbformat.read(NB, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NB.parent)}}).execute()
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if "image/png" in o.get("data", {})]
    assert len(images) >= 7
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    plot_cells = [c.source for c in nb.cells if c.cell_type == "code" and "plt." in c.source or "plot(" in c.source]
    for src in plot_cells:
        assert "set_title" in src and "set_xlabel" in src and "set_ylabel" in src and "print(" in src

"""The design card's one-way dependencies: extract ← pipelines ← scraper."""
import subprocess
import sys


def test_extract_imports_neither_scrapy_nor_pipelines():
    code = ("import sys, extract; extract.extract_page('Møde\\n\\n5. maj 2021'); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted', 'pipelines', 'scraper')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr

"""For `scrapyd-deploy`, which builds the egg it deploys with `python setup.py bdist_egg` (and would write a setup.py
of its own where there is none). Everything about the package is in pyproject.toml."""
from setuptools import setup

setup()

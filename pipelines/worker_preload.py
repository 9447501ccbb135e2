"""Imported once by the fork server that starts the extraction workers (see dataset_pipeline): what every
worker needs (spaCy, pyarrow, the first-name lists, the rule pipeline) is loaded there before the workers are
forked from it, so N workers pay about a second of start-up once instead of N times."""
from extract.names import first_names
from extract.nlp import pipeline

from . import dataset_pipeline  # noqa: F401 - the worker's own code and its imports

first_names()
pipeline()

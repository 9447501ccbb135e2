"""The spiders: one per source in extract/data/sources.toml (configured.py), a file of its own for a source with
special navigation. A spider is its start URLs and the links it follows; reading pages is the
extraction library's job (pipelines.dataset_pipeline)."""

"""One small file per site. A spider is its start URLs and the links it follows; reading pages is the
extraction library's job (pipelines.dataset_pipeline)."""

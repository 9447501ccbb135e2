"""Scrapy settings for the dkevents crawl. Polite by default: robots.txt, AutoThrottle, an identifying
User-Agent, bounded retries and page size. `dkevents crawl --snapshot` (or `-s SNAPSHOT=1`) serves the bundled
snapshot on 127.0.0.1 and routes the real hostnames to it."""
BOT_NAME = "dkevents"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

USER_AGENT = "dkevents/0.1 (+https://github.com/dkevents/dkevents; research crawler of public event pages)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024      # an event page is tens of KB; anything this big is not one
DOWNLOAD_WARNSIZE = 1 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

# HTTP cache, off by default: `-s HTTPCACHE_ENABLED=1` keeps responses under .scrapy/httpcache
HTTPCACHE_ENABLED = False
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
HTTPCACHE_DIR = "httpcache"

DOWNLOADER_MIDDLEWARES = {
    "scraper.middlewares.SnapshotRoutingMiddleware": 950,
}
ITEM_PIPELINES = {
    "pipelines.dataset_pipeline.DatasetPipeline": 300,
}
# a live table of pages, events and pages/s per spider on a terminal; nothing when stderr is not one
EXTENSIONS = {
    "scraper.progress.CrawlProgress": 500,
}
PROGRESS_ENABLED = True
DATASETS_DIR = "datasets"
DATASETS_BATCH_ROWS = 20_000
DATASETS_RUN_ID = None
DATASETS_EXTRACT_WORKERS = None   # None: one per core, up to four; 0 reads pages in the crawl's own process
DATASETS_HANDOFF_PAGES = 32

# Monitors checked after each spider's run (pipelines/monitors.py has what each means)
from pipelines.monitors import DEFAULTS as _monitor_defaults  # noqa: E402
globals().update(_monitor_defaults)

# Alerts when a crawl exits non-zero (scraper/alerts.py): a mail through MAIL_HOST/MAIL_PORT/MAIL_USER/MAIL_PASS/
# MAIL_TLS/MAIL_SSL from MAIL_FROM (Scrapy's own mail settings), and/or a JSON POST to a webhook
ALERT_MAIL_TO = None         # "a@example.org,b@example.org"
ALERT_WEBHOOK_URL = None     # e.g. a Slack or Mattermost incoming webhook; the JSON has a "text" field
MAIL_FROM = "dkevents@localhost"

# LOG_FILE (Scrapy's) is rotated by dkevents: at this size, keeping this many old files
LOG_FILE_MAX_BYTES = 10 * 1024 * 1024
LOG_FILE_BACKUPS = 5

SNAPSHOT = False          # serve and crawl the bundled snapshot instead of the live sites
SNAPSHOT_DIR = None       # default: scraper/snapshot
SNAPSHOT_ADDRESS = None   # "127.0.0.1:8123" to use a server already running

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

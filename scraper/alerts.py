"""Alerts for an unattended crawl that went wrong: a mail, a webhook POST, or both.

Sent after Scrapy's reactor has stopped, so plain smtplib and urllib do it (Scrapy's MailSender needs the running
reactor). The mail uses Scrapy's own MAIL_* settings; ALERT_MAIL_TO and ALERT_WEBHOOK_URL switch each on. A failed
alert is reported on one line and does not change the crawl's exit code: the code is what the scheduler acts on.
"""
from __future__ import annotations

import json
import smtplib
import socket
import urllib.request
from email.message import EmailMessage


def alert_text(exit_code: int, meaning: str, problems: list[str], host: str | None = None) -> tuple[str, str]:
    """(subject, body)."""
    host = host or socket.gethostname()
    subject = f"dkevents crawl on {host}: exit {exit_code} ({meaning})"
    body = "\n".join([subject, "", *problems, "",
                      "What changed: dkevents changes --since YYYY-MM-DD; the runs: dkevents query "
                      "\"SELECT * FROM runs ORDER BY finished DESC\""])
    return subject, body


def send_mail(settings, subject: str, body: str, timeout: float = 30) -> None:
    to = [a.strip() for a in str(settings.get("ALERT_MAIL_TO")).split(",") if a.strip()]
    msg = EmailMessage()
    msg["Subject"], msg["From"], msg["To"] = subject, settings.get("MAIL_FROM"), ", ".join(to)
    msg.set_content(body)
    host, port = settings.get("MAIL_HOST") or "localhost", int(settings.get("MAIL_PORT") or 25)
    smtp_class = smtplib.SMTP_SSL if _bool(settings.get("MAIL_SSL")) else smtplib.SMTP
    with smtp_class(host, port, timeout=timeout) as smtp:
        if _bool(settings.get("MAIL_TLS")):
            smtp.starttls()
        if settings.get("MAIL_USER"):
            smtp.login(settings.get("MAIL_USER"), settings.get("MAIL_PASS") or "")
        smtp.send_message(msg)


def post_webhook(url: str, payload: dict, timeout: float = 30) -> None:
    req = urllib.request.Request(url, data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        resp.read()


def send_alerts(settings, exit_code: int, meaning: str, problems: list[str]) -> list[str]:
    """Sends what is configured; → one line per alert that could not be sent."""
    subject, body = alert_text(exit_code, meaning, problems)
    failures = []
    if settings.get("ALERT_MAIL_TO"):
        try:
            send_mail(settings, subject, body)
        except (OSError, smtplib.SMTPException) as exc:
            failures.append(f"the alert mail to {settings.get('ALERT_MAIL_TO')} was not sent: "
                            f"{type(exc).__name__}: {exc}")
    if settings.get("ALERT_WEBHOOK_URL"):
        payload = {"text": body, "subject": subject, "exit_code": exit_code, "problems": problems}
        try:
            post_webhook(settings.get("ALERT_WEBHOOK_URL"), payload)
        except OSError as exc:  # urllib's URLError and HTTPError are OSErrors
            failures.append(f"the alert to {settings.get('ALERT_WEBHOOK_URL')} was not sent: {exc}")
    return failures


def _bool(v) -> bool:
    return v is True or str(v).strip().lower() in ("1", "true", "yes", "on")

"""Danish dates and times, as the organisers write them: one table row per real-shaped string."""
import datetime as dt

import pytest

from extract.dates import find_dates, find_times, parse_danish_date, resolve, resolve_year

# text → (year, month, day, weekday or None, end_day or None, start "HH:MM" or None, end "HH:MM" or None)
DATES = [
    ("tirsdag 27. august 2019 kl. 09:30 - 12:30", (2019, 8, 27, 1, None, "09:30", "12:30")),
    ("Onsdag den 5. maj 2021, 09.15 -12.00", (2021, 5, 5, 2, None, "09:15", "12:00")),
    ("Onsdag den 2. juni 2021, 09.15 -12.00", (2021, 6, 2, 2, None, "09:15", "12:00")),
    ("Torsdag den 20. januar 2022, 15.15 -18.00", (2022, 1, 20, 3, None, "15:15", "18:00")),
    ("Tirsdag den 12. oktober 2021, 09.15-12.00", (2021, 10, 12, 1, None, "09:15", "12:00")),
    ("Onsdag den 8. december 2021, 09.15 - 12.00", (2021, 12, 8, 2, None, "09:15", "12:00")),
    ("30. marts 2023", (2023, 3, 30, None, None, None, None)),
    # a listing card's date line: day/month alone, maybe with a time
    ("3/6 · kl. 10-11.30", (None, 6, 3, None, None, "10:00", "11:30")),
    ("21/10", (None, 10, 21, None, None, None, None)),
    ("onsdag d. 12. – torsdag d. 13. november 2025", (2025, 11, 12, 2, 13, None, None)),
    # a day number is not the start of a range: "Dag 1 – torsdag den 13. november"
    ("Dag 1 – torsdag den 13. november", (None, 11, 13, 3, None, None, None)),
    ("den 15. maj", (None, 5, 15, None, None, None, None)),
    ("Samme arrangement afholdes i Høje-Taastrup, den 15. maj.", (None, 5, 15, None, None, None, None)),
    ("15.-17. november 2023", (2023, 11, 15, None, 17, None, None)),
    ("15.–17. november 2023", (2023, 11, 15, None, 17, None, None)),
    ("15. - 17. november 2023", (2023, 11, 15, None, 17, None, None)),
    ("5. og 6. maj 2022", (2022, 5, 5, None, 6, None, None)),
    ("torsdag 22. - fredag 23. august 2024", (2024, 8, 22, 3, 23, None, None)),
    ("1. maj - 3. juni 2024", (2024, 5, 1, None, 3, None, None)),
    ("Altinget, Ny Kongensgade 10, 1472 København K, 30. oktober 2019 kl. 09.30 - 12.30",
     (2019, 10, 30, None, None, "09:30", "12:30")),
    ("Altinget, Ny Kongensgade 10, 1472 København K, 10. december 2019 kl. 09.30 - 12.30",
     (2019, 12, 10, None, None, "09:30", "12:30")),
    ("Altinget, Ny Kongensgade, tirsdag 27. august 2019 kl. 09:30 - 12:30 - dato ikke endeligt bekræftet",
     (2019, 8, 27, 1, None, "09:30", "12:30")),
    ("Altingets netværkstopmøde 2021 - Grønbechs Hotel, Allinge torsdag 26. august 2021",
     (2021, 8, 26, 3, None, None, None)),
    ("26/5-2021", (2021, 5, 26, None, None, None, None)),
    ("1/12-2021", (2021, 12, 1, None, None, None, None)),
    ("tirsdag d. 3/12-2024", (2024, 12, 3, 1, None, None, None)),
    ("18.03.2026", (2026, 3, 18, None, None, None, None)),
    ("04.02.2026 · kl. 15.00", (2026, 2, 4, None, None, "15:00", None)),
    ("14.11.2024, kl. 10:00-15:00", (2024, 11, 14, None, None, "10:00", "15:00")),
    ("12-03-2026", (2026, 3, 12, None, None, None, None)),
    ("12.03.26", (2026, 3, 12, None, None, None, None)),
    ("2024-09-12", (2024, 9, 12, None, None, None, None)),
    ("Dato: 12. september 2024", (2024, 9, 12, None, None, None, None)),
    ("Tirsdag d. 8. marts 2016 kl. 9.00-12.00", (2016, 3, 8, 1, None, "09:00", "12:00")),
    ("Tirsdag d. 8. marts 2016 kl. 9-12", (2016, 3, 8, 1, None, "09:00", "12:00")),
    ("torsdag 12. marts kl. 9.30-12.00", (None, 3, 12, 3, None, "09:30", "12:00")),
    ("Torsdag den 15. maj, kl. 16.30-18.30", (None, 5, 15, 3, None, "16:30", "18:30")),
    ("fredag den 3. februar kl. 13-16", (None, 2, 3, 4, None, "13:00", "16:00")),
    ("mandag 2. jan. 2023", (2023, 1, 2, 0, None, None, None)),
    ("3. dec. 2024", (2024, 12, 3, None, None, None, None)),
    ("12. mar. 2024 kl 19-21.30", (2024, 3, 12, None, None, "19:00", "21:30")),
    ("7. nov. 2024 kl. 13:00 - 15:30", (2024, 11, 7, None, None, "13:00", "15:30")),
    ("27 aug 2019", (2019, 8, 27, None, None, None, None)),
    ("04 feb 2026", (2026, 2, 4, None, None, None, None)),
    ("11 mar 2026", (2026, 3, 11, None, None, None, None)),
    ("lørdag 4. nov. 22.00-02.00", (None, 11, 4, 5, None, "22:00", "02:00")),
    ("Onsdag den 7. oktober 2020, 09.15 -12.00", (2020, 10, 7, 2, None, "09:15", "12:00")),
    ("Tirsdag den 13. oktober 2020, 09.15 -11.00", (2020, 10, 13, 1, None, "09:15", "11:00")),
    ("Onsdag den 4. november 2020, 09.30 - 12.00", (2020, 11, 4, 2, None, "09:30", "12:00")),
    ("Onsdag den 13. januar 2021, 15.00 -17.00", (2021, 1, 13, 2, None, "15:00", "17:00")),
    ("Onsdag den 2. december 2020, 14.00 - 16.30", (2020, 12, 2, 2, None, "14:00", "16:30")),
    ("Mandag den 1. januar 2024 kl. 19.00 - 21.30", (2024, 1, 1, 0, None, "19:00", "21:30")),
    ("fredag d. 1. marts 2024", (2024, 3, 1, 4, None, None, None)),
    ("søndag den 31. december 2023 kl. 22.00-01.00", (2023, 12, 31, 6, None, "22:00", "01:00")),
    ("Tid: onsdag 14. juni 2023 fra kl. 9 til 12", (2023, 6, 14, 2, None, "09:00", "12:00")),
    ("onsdag 14. juni 2023 fra kl. 9.30 til kl. 15", (2023, 6, 14, 2, None, "09:30", "15:00")),
    ("14. juni 2023, kl. 9.30–15.00", (2023, 6, 14, None, None, "09:30", "15:00")),
    ("14. juni 2023 – kl. 9.30 – 15.00", (2023, 6, 14, None, None, "09:30", "15:00")),
    ("Den 14. juni 2023 kl. 9:30", (2023, 6, 14, None, None, "09:30", None)),
    ("Torsdag den 3. september 2020", (2020, 9, 3, 3, None, None, None)),
    ("Fredag 3. september 2021", (2021, 9, 3, 4, None, None, None)),
    ("ons. 5. maj 2021", (2021, 5, 5, 2, None, None, None)),
    ("tirs. d. 3. okt. 2023", (2023, 10, 3, 1, None, None, None)),
    ("TIRSDAG 27. AUGUST 2019", (2019, 8, 27, 1, None, None, None)),
    ("29. februar 2024", (2024, 2, 29, None, None, None, None)),
    ("1. juli 2023", (2023, 7, 1, None, None, None, None)),
    ("31. oktober", (None, 10, 31, None, None, None, None)),
    ("d. 24. april", (None, 4, 24, None, None, None, None)),
    ("den 24. april 2025 kl. 10", (2025, 4, 24, None, None, "10:00", None)),
    ("10. - 11. oktober 2024", (2024, 10, 10, None, 11, None, None)),
    ("10.-11. okt. 2024", (2024, 10, 10, None, 11, None, None)),
    ("30. september - 1. oktober 2025", (2025, 9, 30, None, 1, None, None)),
    ("Onsdag den 26. februar 2025 kl. 16.30-19.00 i Odense", (2025, 2, 26, 2, None, "16:30", "19:00")),
    ("Psykiatriens Hus, Sølvgade 12, 1307 København K, tirsdag 27. april kl. 13.00-16.00",
     (None, 4, 27, 1, None, "13:00", "16:00")),
    ("Grønbechs Hotel, Allinge, torsdag 22. august 2019", (2019, 8, 22, 3, None, None, None)),
    ("Tidspunkt: 7. november 2024, kl. 13.00", (2024, 11, 7, None, None, "13:00", None)),
    ("Dato og tid: 5. december 2024, 9.30-15.30", (2024, 12, 5, None, None, "09:30", "15:30")),
    ("tirsdag den 10. september 2024 kl. 08:30-16:00", (2024, 9, 10, 1, None, "08:30", "16:00")),
    ("Kl. 8.45-15.45, 12. september 2024", (2024, 9, 12, None, None, "08:45", "15:45")),
    ("den 3. oktober 2024 kl. 17-20", (2024, 10, 3, None, None, "17:00", "20:00")),
    ("Tirsdag 26. november 2024", (2024, 11, 26, 1, None, None, None)),
    ("UDSAT til 26. november 2024", (2024, 11, 26, None, None, None, None)),
    ("Onsdag den 9. juni 2021, 09.15 -12.00 (virtuelt møde)", (2021, 6, 9, 2, None, "09:15", "12:00")),
    ("fredag 15/3", (None, 3, 15, 4, None, None, None)),
    ("d. 3/12", (None, 12, 3, None, None, None, None)),
    ("3.12.2024", (2024, 12, 3, None, None, None, None)),
    ("05.05.2021 09.15-12.00", (2021, 5, 5, None, None, "09:15", "12:00")),
    ("Dato: 14/11 2024", (2024, 11, 14, None, None, None, None)),
    ("3. oktober 2024, kl. 9.30-ca. 15.00", (2024, 10, 3, None, None, "09:30", "15:00")),
    ("Torsdag d. 3. oktober fra 9:30 til 15", (None, 10, 3, 3, None, "09:30", "15:00")),
    ("Mandag 7/10 kl. 10-12", (None, 10, 7, 0, None, "10:00", "12:00")),
    ("onsdag den 13. november 2024 klokken 19.00", (2024, 11, 13, 2, None, "19:00", None)),
    ("Den 4. december kl. 16.30 – 18.30 (dørene åbner 16.00)", (None, 12, 4, None, None, "16:30", "18:30")),
    ("Tirsdag, den 4. marts 2025 kl. 13-16", (2025, 3, 4, 1, None, "13:00", "16:00")),
    ("13.-14. marts 2025 på Hotel Nyborg Strand", (2025, 3, 13, None, 14, None, None)),
]


def _row(m):
    hm = lambda t: "%02d:%02d" % t if t else None  # noqa: E731
    return (m.year, m.month, m.day, m.weekday, m.end_day, hm(m.start_time), hm(m.end_time))


@pytest.mark.parametrize("text,want", DATES, ids=[t for t, _ in DATES])
def test_first_date_in_text(text, want):
    found = find_dates(text)
    assert found, f"no date found in {text!r}"
    assert _row(found[0]) == want


NOT_DATES = [
    "Tlf. 30 29 76 63",
    "3/4 af deltagerne kommer fra kommunerne",
    "Ca. 3/4",
    "Til det afsættes en pulje på 1,4 milliarder, som løber frem til 2024.",
    "Workshopperne er inddelt i tre blokke",
    "09.30-10.45 Fælles om en stærkere fortælling",
    "Med hele 9 workshops at vælge imellem",
    "Kalvebod Brygge 31-33, 1560 København V",
    "mandag-torsdag kl. 9.00-15.00",
    "CVR 12345678",
    "26.500 kr. ekskl. moms pr. år.",
    "3/4 af kommunerne",
    "Man kan tilmelde sig i år",
    "24/7 døgnåbent",
    "Sagsstammer fra 225 til 50 sager",
    "Mar 2026 er ikke en dato",
    "kl 12.30 2024",
    "Tirsdag 14.",   # a day without a month needs a month heading above it (lines.py reads calendars)
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date_where_none_is_written(text):
    assert find_dates(text) == []


TIMES = [
    ("kl. 14:00 - 16:00", ((14, 0), (16, 0))),
    ("Kl. 12:00 – 13:00 Velkomst", ((12, 0), (13, 0))),
    ("08.45-09.15 Morgenbrød", ((8, 45), (9, 15))),
    ("09.15 -12.00", ((9, 15), (12, 0))),
    ("kl. 19.00 - 21.30", ((19, 0), (21, 30))),
    ("fra kl. 9 til 12", ((9, 0), (12, 0))),
    ("kl. 9", ((9, 0), None)),
    ("Tid: 10:00–15:00", ((10, 0), (15, 0))),
    ("Altinget, Ny Kongensgade 10, kl. 09:30-12:00", ((9, 30), (12, 0))),
    ("Tid: 9-12", ((9, 0), (12, 0))),
    ("kl. 17 - ca. 19", ((17, 0), (19, 0))),
    ("KL. 9:00", ((9, 0), None)),
]


@pytest.mark.parametrize("text,want", TIMES, ids=[t for t, _ in TIMES])
def test_times(text, want):
    t = find_times(text)[0]
    assert (t.start, t.end) == want


def test_bare_number_range_is_not_a_time():
    assert find_times("fra 225 til 50 sager") == []
    assert find_times("15-17 deltagere") == []


# Year inference: a written weekday first, then the page's years, then the reference date.
def test_weekday_fixes_the_year():
    assert resolve_year(27, 8, 1, [], dt.date(2026, 11, 23)) == (2019, "weekday") or \
        resolve_year(27, 8, 1, [2019], dt.date(2026, 11, 23)) == (2019, "weekday")
    assert resolve_year(27, 8, 1, [2019], dt.date(2026, 11, 23)) == (2019, "weekday")
    assert resolve_year(12, 3, 3, [2020], dt.date(2026, 1, 1)) == (2020, "weekday")  # Thu 12 March 2020


def test_page_years_then_reference_date():
    assert resolve_year(15, 5, None, [2023, 2023], dt.date(2026, 11, 23)) == (2023, "page")
    assert resolve_year(15, 5, None, [], dt.date(2026, 11, 23)) == (2027, "today")
    assert resolve_year(1, 11, None, [], dt.date(2026, 11, 23)) == (2026, "today")  # three weeks ago


def test_resolved_year_is_marked_inferred():
    m = find_dates("torsdag 12. marts kl. 9.30-12.00")[0]
    et = resolve(m, [2020], dt.date(2026, 11, 23))
    assert et.year_inferred
    assert et.start.isoformat() == "2020-03-12T09:30:00+01:00"


def test_weekday_that_contradicts_the_date_is_reported():
    et = parse_danish_date("onsdag 27. august 2019 kl. 9.30")  # 27 August 2019 was a Tuesday
    assert et.weekday_conflict and "2019-08-27" in et.weekday_conflict
    assert parse_danish_date("tirsdag 27. august 2019").weekday_conflict is None


@pytest.mark.parametrize("text,offset", [
    ("30. marts 2023 kl. 14:00", "+02:00"),     # summer time began 26 March 2023
    ("25. marts 2023 kl. 14:00", "+01:00"),
    ("29. oktober 2023 kl. 14:00", "+01:00"),   # winter time from 29 October 2023, 03:00
    ("28. oktober 2023 kl. 14:00", "+02:00"),
])
def test_copenhagen_offsets_follow_summer_and_winter_time(text, offset):
    assert parse_danish_date(text).start.isoformat().endswith(offset)


def test_time_past_midnight_ends_next_day():
    et = parse_danish_date("lørdag 4. november 2023 kl. 22.00-02.00")
    assert et.start.isoformat() == "2023-11-04T22:00:00+01:00"
    assert et.end.isoformat() == "2023-11-05T02:00:00+01:00"


def test_range_with_times_on_two_days():
    et = parse_danish_date("Tid: Onsdag 1. oktober 2025 kl. 10.00 til torsdag 2. oktober kl. 13.00")
    assert (et.start.isoformat(), et.end.isoformat()) == ("2025-10-01T10:00:00+02:00", "2025-10-02T13:00:00+02:00")


def test_day_range_ends_on_last_day():
    et = parse_danish_date("15.-17. november 2023")
    assert (et.start, et.end) == (dt.date(2023, 11, 15), dt.date(2023, 11, 17))
    et = parse_danish_date("30. december 2024 - 2. januar 2025")
    assert et.end == dt.date(2025, 1, 2)


def test_a_year_written_once_covers_a_list_of_dates():
    found = find_dates("Holdstart: 3. februar, 10. marts og 14. april 2025")
    assert [(d.day, d.month, d.year) for d in found] == [(3, 2, 2025), (10, 3, 2025), (14, 4, 2025)]
    # across the new year the earlier months belong to the year before
    found = find_dates("30. december, 2. januar og 3. januar 2025")
    assert [d.year for d in found] == [2024, 2025, 2025]

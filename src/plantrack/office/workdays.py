"""Working days in mainland China: public holidays and their make-up working days (chinese-calendar),
Monday to Friday for years it does not cover or when it is not installed."""

from __future__ import annotations

from datetime import date, timedelta


def is_workday(day: date) -> bool:
    try:
        import chinese_calendar

        return bool(chinese_calendar.is_workday(day))
    except (ImportError, NotImplementedError):
        return day.weekday() < 5


def add_workdays(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_workday(day):
            left -= 1
    return day

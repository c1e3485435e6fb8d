"""The demo city: its departments and yearly staff rosters, relative to today (the data runs to the end
of the last full month, and in April to the day before today, so that today's fiscal year always has data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from etl.demo.words import BUREAUS, FIRST_FY, GIVEN, SECTIONS, SURNAMES, WARD_SECTIONS
from etl.fiscal import date_in_fiscal_year, fiscal_year_of, fiscal_year_start


@dataclass
class City:
    rng: np.random.Generator
    today: date
    scale: float
    departments: pd.DataFrame = field(default_factory=pd.DataFrame)
    rosters: dict[int, pd.DataFrame] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    seed: int = 0  # for the draws of a writer that must not move the others' (a layout's own details)

    last_day: date = date.min  # the last day the exports reach

    def __post_init__(self):
        self.last_day = demo_last_day(self.today)

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(FIRST_FY, fiscal_year_of(self.last_day) + 1))

    def fy_date(self, fy: int, month: int, day: int) -> date:
        return date_in_fiscal_year(fy, month, day)

    def random_day(self, start: date, end: date) -> date:
        end = min(end, self.last_day)
        span = max((end - start).days, 0)
        return start + timedelta(days=int(self.rng.integers(0, span + 1)))


def email_of(staff_id: str) -> str:
    """A staff member's address as the city's mail system gives it."""
    return f"s{staff_id}@city.example.lg.jp"


def demo_last_day(today: date) -> date:
    """The end of the last full month before today; in April, when that would leave today's fiscal year
    empty, the day before today, and never earlier than the fiscal year's first day (so on 1 April the
    exports reach today: the new year is in progress from its first day)."""
    month_end = today.replace(day=1) - timedelta(days=1)
    year_start = fiscal_year_start(fiscal_year_of(today))
    if month_end >= year_start:
        return month_end
    return max(year_start, today - timedelta(days=1))


def departments(city: City) -> pd.DataFrame:
    rows = []
    for number, bureau in enumerate(BUREAUS, start=1):
        ward = bureau.endswith("区役所")
        pool = WARD_SECTIONS if ward else SECTIONS
        count = 12 if ward else int(city.rng.integers(14, 19))
        for section_number, section in enumerate(
            pool[:count] if ward else city.rng.permutation(pool)[:count], 1
        ):
            rows.append(
                {
                    "dept_code": f"{number:02d}{section_number:02d}",
                    "dept_name": f"{bureau.removesuffix('役所')}{section}" if ward else f"{bureau}{section}",
                    "bureau_name": bureau,
                    "bureau_code": f"{number:02d}",
                    "size": int(city.rng.gamma(3.0, 8.0)) + 4,
                }
            )
    return pd.DataFrame(rows)


def rosters(city: City) -> None:
    """About 8,000 staff a year: regular staff move in April, some retire, appointees turn over."""
    rng = city.rng
    depts = city.departments
    weights = depts["size"].to_numpy(float)
    weights /= weights.sum()
    total = int(round(8000 * city.scale))
    next_id = [1]

    def hire(n: int, appointee_share: float) -> pd.DataFrame:
        ids = [f"{next_id[0] + i:06d}" for i in range(n)]
        next_id[0] += n
        for staff_id in ids:
            city.names[staff_id] = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
        appointee = rng.random(n) < appointee_share
        return pd.DataFrame(
            {
                "staff_id": ids,
                "dept_code": rng.choice(depts["dept_code"].to_numpy(), size=n, p=weights),
                "employment_type": np.where(appointee, "会計年度任用職員", "正規職員"),
                "position": rng.choice(
                    ["主事", "主任", "係長", "課長補佐", "課長"], size=n, p=[0.45, 0.25, 0.18, 0.07, 0.05]
                ),
            }
        )

    current = hire(total, 0.2)
    for fy in city.fiscal_years:
        roster = current.copy()
        leaving = rng.random(len(roster)) < np.where(roster["employment_type"] == "正規職員", 0.04, 0.25)
        roster["left_on"] = None
        roster.loc[leaving, "left_on"] = [
            city.fy_date(fy, 3, 31)
            if rng.random() < 0.8
            else city.random_day(city.fy_date(fy, 4, 1), city.fy_date(fy, 3, 30))
            for _ in range(int(leaving.sum()))
        ]
        # the current fiscal year has not ended: only mid-year leavers so far
        roster.loc[
            leaving & roster["left_on"].map(lambda d: d is not None and d > city.last_day), "left_on"
        ] = None
        city.rosters[fy] = roster
        stay = roster[roster["left_on"].isna()].drop(columns="left_on").copy()
        movers = rng.random(len(stay)) < 0.12
        stay.loc[movers, "dept_code"] = rng.choice(
            depts["dept_code"].to_numpy(), size=int(movers.sum()), p=weights
        )
        current = pd.concat([stay, hire(total - len(stay), 0.3)], ignore_index=True)


@dataclass
class Programme:
    training: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    certifications: list[dict] = field(default_factory=list)
    nominations: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)
    implemented: list[dict] = field(default_factory=list)  # projects that became apps

    # the Silver leaders' course (three sessions) and the Gold seminar (six): name, code, minutes
    SESSIONS = {
        "silver": ("DX変革リーダー研修", "S0", "シルバー", 180),
        "gold": ("ゴールド・ゼミ", "G0", "ゴールド", 240),
    }

    def attend(self, staff_id: str, level: str, number: int, day, present: bool) -> None:
        """One person's record of one session of a level's training."""
        course, code, label, minutes = self.SESSIONS[level]
        self.training.append(
            dict(
                staff_id=staff_id,
                course=f"{course} 第{number}回",
                code=f"{code}{number}",
                level=label,
                day=day,
                attended=present,
                minutes=minutes,
            )
        )

"""The talent programme of the demo city: nominations, training, assignments, certifications, Gold
seminar projects."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from etl.demo.city import City, Programme
from etl.demo.words import APP_TOPICS, GOLD_THEMES, IDEA_CATEGORIES, TEAM_NAMES


def _sample(values: pd.Series, size: int, seed: int) -> list:
    """pandas' `Series.sample(size, random_state=seed)`, the same draws without its overhead per call (it
    runs once a department a year)."""
    positions = np.random.RandomState(seed).choice(len(values), size=size, replace=False)
    return np.asarray(values, dtype=object)[positions].tolist()


def programme(city: City) -> Programme:
    rng = city.rng
    out = Programme()
    bronze_done: set[str] = set()
    silver: dict[str, date] = {}
    gold: set[str] = set()
    submission_no = 0
    for fy in city.fiscal_years:
        roster = city.rosters[fy]
        # Bronze: all-staff literacy, one session in the year they first appear, certified on attendance
        for staff_id in roster["staff_id"]:
            if staff_id in bronze_done or rng.random() < 0.05:
                continue
            session = city.random_day(city.fy_date(fy, 5, 1), city.fy_date(fy, 2, 28))
            if session > city.last_day:
                continue
            bronze_done.add(staff_id)
            out.training.append(
                dict(
                    staff_id=staff_id,
                    course="DXリテラシー研修(ブロンズ)",
                    code="B01",
                    level="ブロンズ",
                    day=session,
                    attended=True,
                    minutes=90,
                )
            )
            certified_on = session + timedelta(days=int(rng.integers(3, 20)))
            if certified_on <= city.last_day:
                out.certifications.append(dict(staff_id=staff_id, level="bronze", day=certified_on))
        if fy < 2023:
            continue
        # Silver: two change leaders nominated per department (some short), plus volunteers
        eligible = roster[roster["left_on"].isna() & ~roster["staff_id"].isin(list(silver))]
        trainees = []
        for dept_code, members in eligible.groupby("dept_code"):
            wanted = 2 if rng.random() > 0.1 else int(rng.integers(0, 2))
            for staff_id in _sample(
                members["staff_id"], min(wanted, len(members)), int(rng.integers(1 << 30))
            ):
                out.nominations.append(dict(fy=fy, dept_code=dept_code, staff_id=staff_id, level="シルバー"))
                trainees.append(staff_id)
        volunteers = eligible[~eligible["staff_id"].isin(trainees)]["staff_id"]
        trainees += list(
            _sample(volunteers, min(len(volunteers), int(230 * city.scale)), int(rng.integers(1 << 30)))
        )
        for staff_id in trainees:
            attended = 0
            for number, month in enumerate((6, 8, 10), start=1):
                session = city.fy_date(fy, month, int(rng.integers(5, 25)))
                if session > city.last_day:
                    continue
                present = rng.random() > 0.06
                attended += present
                out.attend(staff_id, "silver", number, session, present)
            if attended == 0 or rng.random() < 0.05:
                continue
            submitted = city.fy_date(fy, int(rng.choice([11, 12, 1])), int(rng.integers(1, 28)))
            if submitted > city.last_day:
                continue
            submission_no += 1
            passed = rng.random() < 0.93
            submission_id = f"S{fy}-{submission_no:05d}"
            out.assignments.append(
                dict(
                    submission_id=submission_id,
                    staff_id=staff_id,
                    level="シルバー",
                    day=submitted,
                    title=f"{rng.choice(APP_TOPICS)}の{rng.choice(['効率化', '電子化', '見える化', '自動化'])}",
                    result="合格" if passed else rng.choice(["再提出", "不合格"]),
                    est_hours=float(rng.integers(20, 400)),
                    category=rng.choice(IDEA_CATEGORIES),
                    fy=fy,
                )
            )
            certified_on = city.fy_date(fy, 2, int(rng.integers(10, 28)))
            if passed and certified_on <= city.last_day:
                silver[staff_id] = certified_on
                out.certifications.append(dict(staff_id=staff_id, level="silver", day=certified_on))
        # Gold: Silver volunteers in seminar teams, from FY2024
        if fy < 2024:
            continue
        teams = 13 if fy == 2024 else 14
        themes_total = 16 if fy == 2024 else 17
        on_roster = set(roster["staff_id"])
        pool = [
            s for s, d in silver.items() if d < city.fy_date(fy, 4, 1) and s not in gold and s in on_roster
        ]
        members_all = list(rng.choice(pool, size=min(len(pool), teams * 5), replace=False))
        ideas = [a for a in out.assignments if a["result"] == "合格" and a["fy"] < fy]
        theme_names = list(rng.permutation(GOLD_THEMES))
        for team_number in range(teams):
            team = TEAM_NAMES[team_number]
            members = members_all[team_number * 5 : team_number * 5 + int(rng.integers(3, 6))]
            n_themes = 2 if team_number < themes_total - teams else 1
            for _ in range(n_themes):
                project_no = len(out.projects) + 1
                theme = theme_names.pop() if theme_names else f"テーマ{project_no}"
                # a team takes up an idea on its theme's topic where there is one
                related = [i for i in ideas if i["title"].split("の")[0] in theme] or ideas
                idea = related[int(rng.integers(0, len(related)))] if ideas and rng.random() < 0.8 else None
                presented = city.fy_date(fy, 2, int(rng.integers(1, 20)))
                done = presented <= city.last_day
                live = done and rng.random() < 0.55
                project = dict(
                    project_id=f"P{fy}-{project_no:03d}",
                    team=team,
                    theme=theme,
                    fy=fy,
                    submission_id=idea["submission_id"] if idea else None,
                    est_hours=idea["est_hours"] if idea else None,
                    presented=presented if done else None,
                    status="実装済" if live else ("開発中" if done or rng.random() < 0.5 else "検討中"),
                    app_id=None,
                    implemented=None,
                    creator=members[0] if members else None,
                )
                if live:
                    implemented = presented + timedelta(days=int(rng.integers(20, 60)))
                    if implemented <= city.last_day:
                        project["implemented"] = implemented
                        out.implemented.append(project)
                    else:  # presented in February, still being built when the data ends
                        project["status"] = "開発中"
                out.projects.append(project)
            for number, month in enumerate((6, 8, 9, 10, 11, 12), start=1):
                session = city.fy_date(fy, month, int(rng.integers(5, 25)))
                if session <= city.last_day:
                    for staff_id in members:
                        out.attend(staff_id, "gold", number, session, rng.random() > 0.04)
            gold_on = city.fy_date(fy, 3, int(rng.integers(10, 25)))
            if gold_on <= city.last_day:
                for staff_id in members:
                    gold.add(staff_id)
                    out.certifications.append(dict(staff_id=staff_id, level="gold", day=gold_on))
    # a certification of someone on no roster (a transfer from outside): an orphan the office will see
    out.certifications.append(dict(staff_id="990001", level="silver", day=city.fy_date(2024, 2, 20)))
    return out

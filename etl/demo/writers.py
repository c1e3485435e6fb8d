"""Writes the demo city as export files, one writer per kind of the contract, and a manifest that marks
them as demo data. Nothing here computes a figure the dashboard shows: the files go through the same
loader as real exports."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from etl.demo.city import City, Programme, departments, email_of, rosters
from etl.demo.formats import (
    FULL_WIDTH_ASCII,
    full_width,
    kintone_columns,
    utc_stamp,
    utc_stamps,
    wareki_date,
    write_csv,
    write_xlsx,
)
from etl.demo.lowcode import apps as make_apps
from etl.demo.lowcode import usage as make_usage
from etl.demo.programme import programme as make_programme
from etl.demo.words import ELEARNING_LEVELS, ELEARNING_TOPICS
from etl.fiscal import fiscal_year_of, fiscal_year_start, to_wareki, today_in_japan


def write_demo(
    out: str | Path, seed: int = 2024, scale: float = 1.0, today: date | None = None
) -> list[Path]:
    """Writes every kind of export of the contract, and a manifest that marks them as demo data."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    city = City(rng, today or today_in_japan(), scale, seed=seed)
    city.departments = departments(city)
    rosters(city)
    programme = make_programme(city)
    apps = make_apps(city, programme)
    usage = make_usage(city, apps)
    # the writers draw from the city's random numbers in this order: same seed, same bytes
    written = [
        *write_organizations(city, out),
        *write_staff(city, out),
        *write_nominations(programme, out),
        *write_training(programme, out),
        *write_assignments(city, programme, out),
        *write_certifications(programme, out),
        *write_apps(city, apps, out),
        *write_usage(city, usage, out),
        *write_elearning(city, programme, apps, out),
        *write_projects(programme, out),
        *write_targets(out),
    ]
    manifest = {
        "generator": "dxdash demo",
        "seed": seed,
        "scale": scale,
        "files": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in written},
    }
    (out / "demo-manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return written


def write_organizations(city: City, out: Path) -> list[Path]:
    """The organisation workbook, with a notes sheet the load skips."""
    paths: list[Path] = []
    orgs = city.departments.rename(
        columns={
            "dept_code": "所属コード",
            "dept_name": "所属名",
            "bureau_name": "局名",
            "bureau_code": "局コード",
        }
    ).drop(columns="size")
    notes = pd.DataFrame({"注記": ["組織は各年度4月1日現在", "所属コードは4桁(先頭0あり)"]})
    write_xlsx(out / "01_組織一覧.xlsx", {"組織一覧": orgs, "注記": notes})
    paths.append(out / "01_組織一覧.xlsx")
    return paths


def write_staff(city: City, out: Path) -> list[Path]:
    """One roster a fiscal year, as the HR system exports it (Shift_JIS)."""
    paths: list[Path] = []
    for fy, roster in city.rosters.items():
        frame = pd.DataFrame(
            {
                "年度": to_wareki(fy),
                "職員番号": roster["staff_id"],
                "氏名": roster["staff_id"].map(city.names),
                "所属コード": roster["dept_code"],
                "職名": roster["position"],
                "任用区分": roster["employment_type"],
                "退職日": [wareki_date(d, "short") if d is not None else "" for d in roster["left_on"]],
                "メールアドレス": roster["staff_id"].map(email_of),
            }
        )
        path = out / f"02_職員名簿_{fy}.csv"
        write_csv(frame, path, encoding="cp932")  # the HR system exports Shift_JIS
        paths.append(path)
    return paths


def write_nominations(programme: Programme, out: Path) -> list[Path]:
    """The change-leader nominations workbook."""
    paths: list[Path] = []
    nominations = pd.DataFrame(
        {
            "年度": [f"{n['fy']}年度" for n in programme.nominations],
            "所属コード": [n["dept_code"] for n in programme.nominations],
            "職員番号": [n["staff_id"] for n in programme.nominations],
            "選出区分": [n["level"] for n in programme.nominations],
        }
    )
    title = "DX変革リーダー選出者一覧(デジタル市役所推進室作成)"
    write_xlsx(out / "03_変革リーダー選出.xlsx", {"選出者一覧": nominations}, {"選出者一覧": title})
    paths.append(out / "03_変革リーダー選出.xlsx")
    return paths


def write_training(programme: Programme, out: Path) -> list[Path]:
    """Training attendance, one file a fiscal year (Excel-saved UTF-8 with BOM)."""
    paths: list[Path] = []
    training = pd.DataFrame(programme.training)
    for fy, part in training.groupby(training["day"].map(fiscal_year_of)):
        frame = pd.DataFrame(
            {
                "職員番号": part["staff_id"],
                "研修コード": part["code"],
                "研修名": part["course"],
                "研修区分": part["level"],
                "実施日": [f"{d.year}年{d.month}月{d.day}日" for d in part["day"]],
                "出欠": np.where(part["attended"], "出席", "欠席"),
                "受講時間(分)": [f"{m}分" for m in part["minutes"]],
            }
        )
        path = out / f"04_研修受講_{fy}.csv"
        write_csv(frame, path, encoding="utf-8-sig")  # Excel-saved UTF-8 with BOM
        paths.append(path)
    return paths


def write_assignments(city: City, programme: Programme, out: Path) -> list[Path]:
    """Workplace-improvement ideas from kintone (its own columns included)."""
    paths: list[Path] = []
    assignments = pd.DataFrame(programme.assignments)
    frame = pd.DataFrame(
        {
            "提出番号": assignments["submission_id"],
            "職員番号": assignments["staff_id"],
            "区分": assignments["level"],
            "提出日": [wareki_date(d, "long") for d in assignments["day"]],
            "課題名": assignments["title"],
            "評価": assignments["result"],
            "想定削減時間(時間/年)": assignments["est_hours"].map(lambda h: f"{h:,.0f}"),
            "分類": assignments["category"],
        }
    )
    path = out / "05_課題提出_kintone.csv"
    write_csv(kintone_columns(frame, city.rng, list(assignments["day"])), path, encoding="cp932")
    paths.append(path)
    return paths


def write_certifications(programme: Programme, out: Path) -> list[Path]:
    """Certifications, with two bad rows a real export carries now and then."""
    paths: list[Path] = []
    certs = pd.DataFrame(programme.certifications)
    frame = pd.DataFrame(
        {
            "職員番号": certs["staff_id"],
            "認定区分": certs["level"].map({"bronze": "ブロンズ", "silver": "シルバー", "gold": "ゴールド"}),
            "認定日": [
                wareki_date(d, "padded") if i % 3 == 0 else d.isoformat() for i, d in enumerate(certs["day"])
            ],
        }
    )
    # rows a real export carries now and then, set aside by the load with a reason (a typo'd date,
    # a level the contract does not know), so the data-quality view shows one on first run
    frame.loc[len(frame)] = [certs["staff_id"].iloc[0], "シルバー", "令和6年13月1日"]
    frame.loc[len(frame)] = [certs["staff_id"].iloc[1], "プラチナ", "2025-03-01"]
    path = out / "06_認定者一覧.csv"
    write_csv(frame, path)
    paths.append(path)
    return paths


def write_apps(city: City, apps: pd.DataFrame, out: Path) -> list[Path]:
    """The app register from kintone: full-width digits, wareki dates, blank estimates."""
    paths: list[Path] = []

    def money(values):
        return ["" if pd.isna(v) else f"{v:,.0f}" for v in values]

    frame = pd.DataFrame(
        {
            "アプリID": apps["app_id"],
            "アプリ名": apps["app_name"],
            "所管所属コード": apps["owner_dept_code"],
            "作成日": [
                full_width(d.isoformat()) if i % 7 == 0 else d.strftime("%Y/%-m/%-d")
                for i, d in enumerate(apps["created"])
            ],
            "作成者職員番号": apps["creator"].fillna(""),
            "運用開始日": ["" if d is None else wareki_date(d, "short") for d in apps["released"]],
            "廃止日": ["" if d is None else d.isoformat() for d in apps["retired"]],
            "1件あたり削減時間(分)": apps["minutes"].map(lambda m: f"{m:.0f}"),
            "外注想定初期費用(円)": money(apps["initial"]),
            "外注想定年間運用費(円)": money(apps["running"]),
            "外注想定年間保守費(円)": money(apps["maintenance"]),
            "分類": apps["category"],
        }
    )
    path = out / "07_アプリ台帳_kintone.csv"
    write_csv(kintone_columns(frame, city.rng, list(apps["created"])), path, encoding="cp932")
    paths.append(path)
    return paths


def write_projects(programme: Programme, out: Path) -> list[Path]:
    """Gold seminar projects."""
    paths: list[Path] = []
    projects = pd.DataFrame(programme.projects)
    frame = pd.DataFrame(
        {
            "プロジェクト番号": projects["project_id"],
            "年度": [to_wareki(fy) for fy in projects["fy"]],
            "チーム名": projects["team"],
            "テーマ": projects["theme"],
            "状況": projects["status"],
            "元課題番号": projects["submission_id"].fillna(""),
            "アプリID": projects["app_id"].fillna(""),
            "発表日": [d if d is not None else None for d in projects["presented"]],
            "実装日": [d if d is not None else None for d in projects["implemented"]],
        }
    )
    write_xlsx(out / "10_ゼミ・実装プロジェクト.xlsx", {"プロジェクト": frame})
    paths.append(out / "10_ゼミ・実装プロジェクト.xlsx")
    return paths


def write_targets(out: Path) -> list[Path]:
    """The programme's published goal and the demo's plans for other figures (said so in 備考)."""
    paths: list[Path] = []
    # the programme's published goal, then plans for other figures: demo values, said so in 備考
    demo_note = "デモ用の値"
    plans = [
        ("dx_talent", "令和5年度", "令和7年度", "2,400", "DX人材育成計画 (FY2023-FY2025)"),
        ("dx_talent", "令和8年度", "令和10年度", "3,600", demo_note),
        ("cost_avoided", "令和6年度", "令和8年度", "22,000,000,000", demo_note),
        ("hours_saved", "令和6年度", "令和8年度", "100,000", demo_note),
        ("certified_silver", "令和5年度", "令和7年度", "700", demo_note),
        ("certified_bronze", "令和6年度", "令和8年度", "1,000", demo_note),
        ("active_apps", "令和6年度", "令和8年度", "2,000", demo_note),
        ("apps_in_operation", "令和6年度", "令和8年度", "3,000", demo_note),
        ("leader_coverage", "令和6年度", "令和8年度", "0.95", demo_note),
    ]
    targets = pd.DataFrame(plans, columns=["指標", "開始年度", "終了年度", "目標値", "備考"])
    path = out / "11_目標.csv"
    write_csv(targets, path)
    paths.append(path)
    return paths


def write_usage(city: City, usage: pd.DataFrame, out: Path) -> list[Path]:
    """Month rows per fiscal year until the one before the current; in the current fiscal year, kintone's
    daily monthly exports that overlap by a week; plus one usage row of an app missing from the register
    (an orphan)."""
    rng = city.rng
    written = []
    usage = usage.copy()
    usage["fy"] = usage["month"].map(fiscal_year_of)
    daily_from = fiscal_year_start(fiscal_year_of(city.last_day))
    monthly = usage[usage["month"] < daily_from]
    for fy, part in monthly.groupby("fy"):
        frame = pd.DataFrame(
            {
                "アプリID": part["app_id"],
                "利用月": [f"{m.year}年{m.month}月" for m in part["month"]],
                "利用件数": part["uses"].map(lambda u: f"{u:,}"),
            }
        )
        if fy == 2024:
            frame.loc[len(frame)] = ["APP-99999", "2024年10月", "25"]  # not in the register yet
            frame.loc[len(frame)] = [part["app_id"].iloc[0], "2024年11月", "-12"]  # a negative count
        path = out / f"08_アプリ利用実績_{fy}.csv"
        write_csv(frame, path, sep="\t" if fy == 2022 else ",")  # one office sends tab-separated
        written.append(path)
    daily = usage[usage["month"] >= daily_from]
    last_day = np.datetime64(city.last_day, "D")
    business_days = {}  # month -> its business days up to the data's last day, as datetime64[D]
    for month in daily["month"].unique():
        days = pd.date_range(month, pd.Timestamp(month) + pd.offsets.MonthEnd(0), freq="B").values
        business_days[month] = days.astype("datetime64[D]")[days.astype("datetime64[D]") <= last_day]
    apps_of, days_of, uses_of = [], [], []
    for app_id, month, uses in daily[["app_id", "month", "uses"]].itertuples(index=False, name=None):
        days = business_days[month]
        if not len(days):
            continue
        split = rng.multinomial(uses, np.full(len(days), 1 / len(days)))
        used = split > 0
        apps_of.append(np.full(int(used.sum()), app_id, dtype=object))
        days_of.append(days[used])
        uses_of.append(split[used])
    if apps_of:
        layout = np.random.default_rng((city.seed, 9))  # the layout's own draws move no figure
        app_ids, days, uses = np.concatenate(apps_of), np.concatenate(days_of), np.concatenate(uses_of)
        for month in np.unique(days.astype("datetime64[M]")):
            start = month.astype("datetime64[D]") - 7  # each export repeats the last week of the month before
            end = (month + 1).astype("datetime64[D]") - 1
            rows = (days >= start) & (days <= end)
            # the log app's export with its header in field codes, which the DX office set to the
            # contract's names when it built the app (docs/contract.md, "kintone"), and kintone's own
            # columns, whose codes are their names
            frame = pd.DataFrame(
                {
                    "app_id": app_ids[rows],
                    "usage_date": np.datetime_as_string(days[rows], unit="D"),
                    "uses": uses[rows].astype(np.int64),
                }
            )
            frame = kintone_columns(frame, layout, days[rows])
            path = out / f"09_kintone利用ログ_{month.astype(object):%Y-%m}.csv"
            write_csv(frame, path, encoding="utf-8-sig", lineterminator="\r\n")
            written.append(path)
    return written


def write_elearning(city: City, programme: Programme, apps: pd.DataFrame, out: Path) -> list[Path]:
    """E-learning on a catalogue of 600+ courses: FY2023 as the office retyped it by staff id, and from
    FY2024 the service's own exports (its user course activity report and its user list, docs/contract.md)."""
    rng = city.rng
    catalogue = {
        f"{topic} {level}講座 {edition}": category
        for topic, category in ELEARNING_TOPICS.items()
        for level in ELEARNING_LEVELS
        for edition in ("2023", "2024", "2025", "2026")
    }
    titles = list(catalogue)
    # seven in ten of today's staff learn; the city's DX talent and app makers more often than others
    latest = city.rosters[max(city.rosters)]["staff_id"]
    keen = {c["staff_id"] for c in programme.certifications if c["level"] in ("silver", "gold")}
    makers = set(apps["creator"].dropna())
    weights = np.array([1 + 1.5 * (s in keen) + 0.8 * (s in makers) for s in latest])
    learners = rng.choice(
        latest.to_numpy(), size=int(len(latest) * 0.7), replace=False, p=weights / weights.sum()
    )
    # a few courses everyone takes, and a long tail that still reaches every course in the catalogue
    popularity = rng.zipf(1.6, size=len(titles)).astype(float)
    popularity = 0.6 * popularity / popularity.sum() + 0.4 / len(titles)
    # one to eight courses a learner, without repeats, by popularity: the largest keys of log(p) plus
    # Gumbel noise are a weighted draw without replacement (a block of learners at a time)
    taken = rng.integers(1, 9, size=len(learners))
    people, courses = [], []
    for first in range(0, len(learners), 2_000):
        block = slice(first, first + 2_000)
        keys = np.log(popularity) + rng.gumbel(size=(len(learners[block]), len(titles)))
        order = np.argsort(-keys, axis=1)
        for person, count, ranked in zip(learners[block], taken[block], order, strict=True):
            people += [person] * int(count)
            courses += ranked[:count].tolist()
    span = (city.last_day - date(2023, 4, 1)).days
    last = [date(2023, 4, 1) + timedelta(days=int(d)) for d in rng.integers(0, span + 1, size=len(people))]
    completed = rng.random(len(people)) < 0.45
    frame = pd.DataFrame(
        {
            "staff_id": people,
            "course_title": [titles[c] for c in courses],
            "category": [catalogue[titles[c]] for c in courses],
            "minutes": np.round(rng.gamma(2.0, 40.0, size=len(people)), 1),
            "last": last,
            "completed": [d if done else None for d, done in zip(last, completed, strict=True)],
        }
    )
    # the layouts' own details draw from their own numbers: the figures above stay as they were
    layout = np.random.default_rng((city.seed, 12))
    service_start = date(2024, 4, 1)
    office = frame[frame["last"] < service_start]
    office_path = out / "12_動画学習_2023年度_職員番号.csv"
    write_csv(
        pd.DataFrame(
            {
                "職員番号": office["staff_id"],
                "講座名": office["course_title"],
                "カテゴリ": office["category"],
                "視聴時間(分)": office["minutes"],
                "最終受講日": [wareki_date(d, "long") for d in office["last"]],
                "修了日": [wareki_date(d, "long") if d is not None else "" for d in office["completed"]],
            }
        ),
        office_path,
        encoding="cp932",
    )
    service = frame[frame["last"] >= service_start]
    return [office_path, *write_service_exports(city, service, titles, layout, out)]


def write_service_exports(
    city: City, activity: pd.DataFrame, titles: list[str], layout: np.random.Generator, out: Path
) -> list[Path]:
    """The e-learning service's user course activity report and user list as it writes them: UTF-8 with
    a byte-order mark, CRLF, English headers, UTC datetimes, people by e-mail address (an External ID
    only in the bureaus that sign in through the city's identity provider)."""
    roster = city.rosters[max(city.rosters)].set_index("staff_id")
    sso_bureaus = {"01", "02"}  # where single sign-on came first
    sso = {s for s, dept in roster["dept_code"].items() if str(dept)[:2] in sso_bureaus}

    def address(staff_id: str) -> str:
        written = email_of(staff_id)
        draw = layout.random()
        if draw < 0.08:
            return written.upper()  # typed by hand into the service's invitation
        if draw < 0.10:
            return f" {written.translate(FULL_WIDTH_ASCII)} "  # the IME left on, and padded
        return written

    # one learner in ten enrolled and never pressed play: the funnel's last step is smaller
    people = sorted(set(activity["staff_id"]))
    idle = set(layout.choice(people, size=len(people) // 10, replace=False)) if people else set()
    activity = activity.copy()
    never = activity["staff_id"].isin(idle).to_numpy()
    activity.loc[never, "minutes"] = 0.0
    activity["completed"] = [None if n else c for n, c in zip(never, activity["completed"], strict=True)]
    course_ids = {title: 100_000 + number for number, title in enumerate(titles)}
    first = [d - timedelta(days=int(layout.integers(0, 90))) for d in activity["last"]]
    report = pd.DataFrame(
        {
            "User Name": activity["staff_id"].map(city.names),
            "User Email": [address(s) for s in activity["staff_id"]],
            "External ID": [s if s in sso else "" for s in activity["staff_id"]],
            "Course ID": activity["course_title"].map(course_ids),
            "Course Title": activity["course_title"],
            "Course Category": activity["category"],
            "Completion Ratio": [
                0 if n else 100 if c is not None else int(layout.integers(5, 96))
                for n, c in zip(never, activity["completed"], strict=True)
            ],
            "Num Video Consumed Minutes": activity["minutes"],
            "Course First Accessed Date": utc_stamps([max(d, date(2024, 4, 1)) for d in first], layout),
            "Course Last Accessed Date": utc_stamps(list(activity["last"]), layout),
            "Course Completion Date": utc_stamps(list(activity["completed"]), layout),
        }
    )
    # three addresses the roster does not know (a contractor's staff): kept aside until a roster has them
    strangers = pd.DataFrame(
        {
            "User Name": ["委託 一郎", "委託 二郎", "委託 三郎"],
            "User Email": [f"vendor{n}@partner.example" for n in (1, 2, 3)],
            "External ID": "",
            "Course ID": course_ids[titles[0]],
            "Course Title": titles[0],
            "Course Category": activity["category"].iloc[0] if len(activity) else "",
            "Completion Ratio": 30,
            "Num Video Consumed Minutes": 25.0,
            "Course First Accessed Date": utc_stamp(date(2024, 6, 3), layout),
            "Course Last Accessed Date": utc_stamp(date(2024, 6, 3), layout),
            "Course Completion Date": "",
        }
    )
    report = pd.concat([report, strangers], ignore_index=True)
    first_day, last_day = date(2024, 4, 1), city.last_day
    activity_path = out / f"13_user_course_activity_{first_day}_to_{last_day}.csv"
    write_csv(report, activity_path, encoding="utf-8-sig", lineterminator="\r\n")
    # the user list: every licence the city bought, who joined, and the learners among them
    learners = set(activity["staff_id"])
    others = [s for s in roster.index if s not in learners]
    invited = sorted(learners | set(layout.choice(others, size=int(len(others) * 0.4), replace=False)))
    joined = {s for s in invited if s in learners or layout.random() < 0.55}
    users = pd.DataFrame(
        {
            "Email": [email_of(s) for s in invited],
            "External ID": [s if s in sso else "" for s in invited],
            "Name": [city.names.get(s, "") for s in invited],
            "Role": "User",
            "Status": ["Active" if s in joined else "Invited" for s in invited],
            "Groups": [str(roster.loc[s, "dept_code"]) for s in invited],
            "License type": "Enterprise",
            "Joined date": [
                utc_stamp(city.random_day(date(2024, 4, 1), date(2024, 9, 30)), layout) if s in joined else ""
                for s in invited
            ],
        }
    )
    users_path = out / "14_user_list.csv"
    write_csv(users, users_path, encoding="utf-8-sig", lineterminator="\r\n")
    return [activity_path, users_path]

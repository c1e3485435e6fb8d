"""Demo exports for a city like Kitakyushu, written in the same messy forms as the office's real files.

Nothing here computes a figure the dashboard shows: the files go through the same loader as real
exports. Usage counts and outsourcing costs are scaled while generating so that, at scale 1, FY2024
hours saved land near 85,000 and cost avoided through FY2024 near 10 billion yen.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from etl.fiscal import fiscal_year_of

FIRST_FY = 2021
BUREAUS = [
    "総務局", "企画調整局", "財政局", "危機管理室", "市民文化スポーツ局", "保健福祉局",
    "子ども家庭局", "環境局", "産業経済局", "都市戦略局", "建築都市局", "都市整備局",
    "港湾空港局", "消防局", "上下水道局", "教育委員会",
    "門司区役所", "小倉北区役所", "小倉南区役所", "若松区役所", "八幡東区役所", "八幡西区役所",
    "戸畑区役所",
]  # fmt: skip
SECTIONS = [
    "総務課", "企画課", "経理課", "人事課", "庶務課", "政策課", "調整課", "管理課", "業務課",
    "計画課", "推進課", "指導課", "監査課", "施設課", "事業課", "保全課", "相談課", "支援課",
    "振興課", "整備課", "保険年金課", "市民課", "税務課", "福祉課", "地域課",
]  # fmt: skip
WARD_SECTIONS = [
    "総務企画課", "市民課", "保険年金課", "保護課", "子ども・家庭相談コーナー", "地域振興課",
    "まちづくり整備課", "税務課", "健康相談コーナー", "高齢者・障害者相談コーナー",
    "戸籍住民登録係", "国民健康保険係", "介護保険係", "出張所",
]  # fmt: skip
APP_TOPICS = [
    "申請受付", "勤怠集計", "備品管理", "会議室予約", "問合せ管理", "研修申込", "出張申請",
    "案件進捗", "苦情対応記録", "点検記録", "補助金審査", "イベント受付", "在庫管理",
    "文書収受", "施設予約", "相談記録", "工事進捗", "アンケート集計", "ボランティア登録",
    "契約管理", "車両運行記録", "道路損傷通報", "災害時安否確認", "時間外勤務申請",
]  # fmt: skip
APP_CATEGORIES = ["申請・受付", "集計・報告", "台帳管理", "予約", "情報共有"]
IDEA_CATEGORIES = ["業務改善", "ペーパーレス", "窓口改善", "データ活用", "情報共有"]
ELEARNING_TOPICS = [
    "Excel", "Python", "データ分析", "生成AI", "kintone", "RPA", "情報セキュリティ",
    "プロジェクト管理", "デザイン思考", "業務改善", "BI", "SQL", "ノーコード", "プレゼン",
    "ファシリテーション", "統計", "クラウド", "UXデザイン", "アジャイル", "ロジカルシンキング",
]  # fmt: skip
ELEARNING_LEVELS = ["入門", "基礎", "実践", "応用", "演習", "速習", "完全ガイド", "ケーススタディ"]
ELEARNING_CATEGORIES = ["IT・ソフトウェア", "ビジネス", "データサイエンス", "自己啓発", "デザイン"]
SURNAMES = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "清水",
    "山崎",
]  # noqa: E501
GIVEN = [
    "翔太",
    "陽菜",
    "大輝",
    "美咲",
    "拓海",
    "結衣",
    "健太",
    "彩",
    "直樹",
    "真由美",
    "浩二",
    "恵",
    "誠",
    "さくら",
    "亮",
    "優子",
    "隆",
    "奈々",
    "悠斗",
    "和子",
]  # noqa: E501
KINTONE_USERS = ["dx-admin", "soumu01", "kikaku02", "joho03"]
TEAM_NAMES = [
    "チーム門司港", "チーム皿倉", "チーム紫川", "チーム平尾台", "チーム若戸", "チーム響灘",
    "チーム到津", "チーム曽根", "チーム河内", "チーム戸畑", "チーム小倉", "チーム八幡",
    "チーム関門", "チーム藍島", "チーム合馬", "チーム白野江",
]  # fmt: skip
GOLD_THEMES = [
    "窓口予約のオンライン化", "現場写真の自動整理", "補助金審査の進捗見える化",
    "庁内問合せのナレッジ化", "点検記録のペーパーレス化", "会議録作成の効率化",
    "イベント受付の一元化", "災害時の安否確認アプリ", "時間外勤務の見える化",
    "道路損傷通報の受付改善", "保育所入所事務の効率化", "ごみ収集相談の記録共有",
    "庁用車予約の自動化", "研修申込の一元管理", "文書収受の電子化", "アンケート集計の自動化",
    "相談記録の共有化", "工事進捗の見える化", "契約期限のアラート", "備品貸出の管理",
]  # fmt: skip

HOURS_TARGET_FY2024 = 85_000.0
COST_TARGET_THROUGH_FY2024 = 10_000_000_000.0


def _wareki_date(day: date, style: str) -> str:
    era, base = ("令和", 2019) if day >= date(2019, 5, 1) else ("平成", 1989)
    n = day.year - base + 1
    if style == "long":
        return f"{era}{'元' if n == 1 else n}年{day.month}月{day.day}日"
    letter = "R" if era == "令和" else "H"
    return (
        f"{letter}{n}.{day.month}.{day.day}"
        if style == "short"
        else f"{letter}{n:02d}.{day.month:02d}.{day.day:02d}"
    )


def _wareki_fy(fy: int) -> str:
    n = fy - 2019 + 1
    return f"令和{'元' if n == 1 else n}年度"


def _full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def _utc_stamp(day: date, rng: np.random.Generator) -> str:
    """kintone's REST API writes UTC: a Tokyo time on `day` as a `Z` datetime."""
    local = datetime(day.year, day.month, day.day, int(rng.integers(8, 20)), int(rng.integers(0, 60)))
    return (local - timedelta(hours=9)).replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class City:
    rng: np.random.Generator
    today: date
    scale: float
    departments: pd.DataFrame = field(default_factory=pd.DataFrame)
    rosters: dict[int, pd.DataFrame] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    last_day: date = date.min  # the end of the last full month before today

    def __post_init__(self):
        self.last_day = self.today.replace(day=1) - timedelta(days=1)

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(FIRST_FY, fiscal_year_of(self.last_day) + 1))

    def fy_date(self, fy: int, month: int, day: int) -> date:
        return date(fy if month >= 4 else fy + 1, month, day)

    def random_day(self, start: date, end: date) -> date:
        end = min(end, self.last_day)
        span = max((end - start).days, 0)
        return start + timedelta(days=int(self.rng.integers(0, span + 1)))


def _departments(city: City) -> pd.DataFrame:
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


def _rosters(city: City) -> None:
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


def _programme(city: City) -> Programme:
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
            for staff_id in members["staff_id"].sample(
                min(wanted, len(members)), random_state=int(rng.integers(1 << 30))
            ):
                out.nominations.append(dict(fy=fy, dept_code=dept_code, staff_id=staff_id, level="シルバー"))
                trainees.append(staff_id)
        volunteers = eligible[~eligible["staff_id"].isin(trainees)]["staff_id"]
        trainees += list(
            volunteers.sample(
                min(len(volunteers), int(230 * city.scale)), random_state=int(rng.integers(1 << 30))
            )
        )
        for staff_id in trainees:
            attended = 0
            for number, month in enumerate((6, 8, 10), start=1):
                session = city.fy_date(fy, month, int(rng.integers(5, 25)))
                if session > city.last_day:
                    continue
                present = rng.random() > 0.06
                attended += present
                out.training.append(
                    dict(
                        staff_id=staff_id,
                        course=f"DX変革リーダー研修 第{number}回",
                        code=f"S0{number}",
                        level="シルバー",
                        day=session,
                        attended=present,
                        minutes=180,
                    )
                )
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
                idea = ideas[int(rng.integers(0, len(ideas)))] if ideas and rng.random() < 0.8 else None
                presented = city.fy_date(fy, 2, int(rng.integers(1, 20)))
                done = presented <= city.last_day
                live = done and rng.random() < 0.55
                project = dict(
                    project_id=f"P{fy}-{project_no:03d}",
                    team=team,
                    theme=theme_names.pop() if theme_names else f"テーマ{project_no}",
                    fy=fy,
                    submission_id=idea["submission_id"] if idea else None,
                    presented=presented if done else None,
                    status="実装済" if live else ("開発中" if done or rng.random() < 0.5 else "検討中"),
                    app_id=None,
                    implemented=None,
                    creator=members[0] if members else None,
                )
                if live:
                    project["implemented"] = presented + timedelta(days=int(rng.integers(20, 60)))
                    out.implemented.append(project)
                out.projects.append(project)
            for number, month in enumerate((6, 8, 9, 10, 11, 12), start=1):
                session = city.fy_date(fy, month, int(rng.integers(5, 25)))
                if session <= city.last_day:
                    for staff_id in members:
                        out.training.append(
                            dict(
                                staff_id=staff_id,
                                course=f"ゴールド・ゼミ 第{number}回",
                                code=f"G0{number}",
                                level="ゴールド",
                                day=session,
                                attended=rng.random() > 0.04,
                                minutes=240,
                            )
                        )
            gold_on = city.fy_date(fy, 3, int(rng.integers(10, 25)))
            if gold_on <= city.last_day:
                for staff_id in members:
                    gold.add(staff_id)
                    out.certifications.append(dict(staff_id=staff_id, level="gold", day=gold_on))
    # a certification of someone on no roster (a transfer from outside): an orphan the office will see
    out.certifications.append(dict(staff_id="990001", level="silver", day=city.fy_date(2024, 2, 20)))
    return out


def _apps(city: City, programme: Programme) -> pd.DataFrame:
    rng = city.rng
    # apps in the register at the end of each fiscal year (the tool reached every desk in FY2021)
    growth = {2021: 150, 2022: 600, 2023: 1200, 2024: 1900, 2025: 2500, 2026: 2900, 2027: 3300}
    rows = []
    previous = 0
    makers = pd.concat(city.rosters.values())["staff_id"].unique()
    for fy in city.fiscal_years:
        count = int(round((growth.get(fy, previous + 400) - previous) * city.scale))
        previous = growth.get(fy, previous + 400)
        for _ in range(count):
            created = city.random_day(city.fy_date(fy, 4, 1), city.fy_date(fy, 3, 31))
            rows.append(dict(created=created, creator=rng.choice(makers) if rng.random() < 0.92 else None))
    for project in programme.implemented:
        rows.append(
            dict(
                created=project["implemented"] - timedelta(days=10),
                creator=project["creator"],
                project=project,
            )
        )
    frame = pd.DataFrame(rows).sort_values("created", kind="stable").reset_index(drop=True)
    n = len(frame)
    frame["app_id"] = [f"APP-{i + 1:05d}" for i in range(n)]
    for project_id, app_id in zip(frame.get("project", pd.Series([None] * n)), frame["app_id"], strict=False):
        if isinstance(project_id, dict):
            project_id["app_id"] = app_id
    roster_of = {fy: dict(zip(r["staff_id"], r["dept_code"], strict=False)) for fy, r in city.rosters.items()}
    dept_codes = city.departments["dept_code"].to_numpy()  # once, not per app
    frame["owner_dept_code"] = [
        roster_of[fiscal_year_of(c)].get(s) or rng.choice(dept_codes)
        for c, s in zip(frame["created"], frame["creator"], strict=False)
    ]
    projects = frame["project"] if "project" in frame else pd.Series([None] * n)
    frame["app_name"] = [
        f"{p['theme']}アプリ" if isinstance(p, dict) else f"{rng.choice(APP_TOPICS)}アプリ" for p in projects
    ]
    frame["category"] = rng.choice(APP_CATEGORIES, size=n)
    release_lag = rng.integers(7, 60, size=n)
    frame["released"] = [
        None if rng.random() < 0.15 else c + timedelta(days=int(lag))
        for c, lag in zip(frame["created"], release_lag, strict=False)
    ]
    frame["released"] = [r if r is None or r <= city.last_day else None for r in frame["released"]]
    start = [r or c for r, c in zip(frame["released"], frame["created"], strict=False)]
    frame["start"] = start
    frame["retired"] = [
        s + timedelta(days=int(rng.integers(200, 1200))) if rng.random() < 0.12 else None for s in start
    ]
    frame["retired"] = [r if r is not None and r <= city.last_day else None for r in frame["retired"]]
    frame["minutes"] = np.clip(np.round(rng.lognormal(2.3, 0.6, size=n)), 2, 120)
    frame["initial"] = rng.lognormal(np.log(2_800_000), 0.5, size=n)
    frame["running"] = rng.lognormal(np.log(450_000), 0.5, size=n)
    frame["maintenance"] = rng.lognormal(np.log(300_000), 0.5, size=n)
    frame.loc[rng.random(n) < 0.06, "maintenance"] = np.nan  # some apps have no maintenance estimate
    # scale the outsourcing estimates so that cost avoided through FY2024 lands near 10 billion yen
    end = date(2025, 3, 31)
    days = np.array(
        [
            max((min(end, r or end) - s).days + 1, 0) if s <= end else 0
            for s, r in zip(frame["start"], frame["retired"], strict=False)
        ]
    )
    started = np.array([s <= end for s in frame["start"]])
    through_fy2024 = (
        frame["initial"].to_numpy() * started
        + (frame["running"].to_numpy() + np.nan_to_num(frame["maintenance"].to_numpy())) * days / 365
    ).sum()
    if through_fy2024 > 0:
        factor = COST_TARGET_THROUGH_FY2024 * city.scale / through_fy2024
        for column in ("initial", "running", "maintenance"):
            frame[column] = (frame[column] * factor / 1000).round() * 1000
    return frame


def _usage(city: City, apps: pd.DataFrame) -> pd.DataFrame:
    """Uses per app per month; about a quarter of apps are built and then hardly used."""
    rng = city.rng
    months = pd.date_range(date(FIRST_FY, 4, 1), city.last_day, freq="MS").date
    n = len(apps)
    base = rng.lognormal(3.2, 1.1, size=n) * (rng.random(n) > 0.25)
    starts = apps["start"].to_numpy()
    retired = apps["retired"].to_numpy()
    month_first = np.array([m.toordinal() for m in months])
    month_last = np.array([(pd.Timestamp(m) + pd.offsets.MonthEnd(0)).date().toordinal() for m in months])
    start_day = np.array([d.toordinal() for d in starts])
    retired_day = np.array([d.toordinal() if d is not None else 10**9 for d in retired])
    in_operation = (start_day[:, None] <= month_last[None, :]) & (retired_day[:, None] > month_first[None, :])
    app_index, month_index = np.nonzero(in_operation)
    seasonal = 1 + 0.25 * np.sin(np.array([m.month for m in months]) / 12 * 2 * np.pi)[month_index]
    growth = np.array([1 + 0.04 * (m.year - FIRST_FY) for m in months])[month_index]
    rate = base[app_index] * seasonal * growth
    fy2024 = np.array([fiscal_year_of(m) == 2024 for m in months])[month_index]
    hours = (rate * apps["minutes"].to_numpy()[app_index] / 60)[fy2024].sum()
    if hours > 0:
        rate *= HOURS_TARGET_FY2024 * city.scale / hours
    uses = rng.poisson(rate)
    return pd.DataFrame(
        {"app_id": apps["app_id"].to_numpy()[app_index], "month": months[month_index], "uses": uses}
    ).query("uses > 0")


def _write_csv(frame: pd.DataFrame, path: Path, encoding: str = "utf-8", sep: str = ",") -> None:
    frame.to_csv(
        path, index=False, encoding=encoding, sep=sep, lineterminator="\r\n" if encoding == "cp932" else "\n"
    )


def _write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    # same seed, same bytes: pin the timestamps a workbook carries (zip entries and core.xml)
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            if name == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", b"2024-04-01T00:00:00Z", content)
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2024, 4, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED
            )


def _kintone_columns(frame: pd.DataFrame, rng: np.random.Generator, created: list[date]) -> pd.DataFrame:
    """kintone adds its own columns; the loader must ignore them."""
    frame.insert(0, "レコード番号", range(1, len(frame) + 1))
    frame["作成者"] = rng.choice(KINTONE_USERS, size=len(frame))
    frame["作成日時"] = [_utc_stamp(d, rng) for d in created]
    frame["更新者"] = rng.choice(KINTONE_USERS, size=len(frame))
    frame["更新日時"] = [_utc_stamp(d, rng) for d in created]
    return frame


def write_demo(
    out: str | Path, seed: int = 2024, scale: float = 1.0, today: date | None = None
) -> list[Path]:
    """Writes every kind of export of the contract, and a manifest that marks them as demo data."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    city = City(rng, today or date.today(), scale)
    city.departments = _departments(city)
    _rosters(city)
    programme = _programme(city)
    apps = _apps(city, programme)
    usage = _usage(city, apps)
    written: list[Path] = []

    orgs = city.departments.rename(
        columns={
            "dept_code": "所属コード",
            "dept_name": "所属名",
            "bureau_name": "局名",
            "bureau_code": "局コード",
        }
    ).drop(columns="size")
    notes = pd.DataFrame({"注記": ["組織は各年度4月1日現在", "所属コードは4桁(先頭0あり)"]})
    _write_xlsx(out / "01_組織一覧.xlsx", {"組織一覧": orgs, "注記": notes})
    written.append(out / "01_組織一覧.xlsx")

    for fy, roster in city.rosters.items():
        frame = pd.DataFrame(
            {
                "年度": _wareki_fy(fy),
                "職員番号": roster["staff_id"],
                "氏名": roster["staff_id"].map(city.names),
                "所属コード": roster["dept_code"],
                "職名": roster["position"],
                "任用区分": roster["employment_type"],
                "退職日": [_wareki_date(d, "short") if d is not None else "" for d in roster["left_on"]],
            }
        )
        path = out / f"02_職員名簿_{fy}.csv"
        _write_csv(frame, path, encoding="cp932")  # the HR system exports Shift_JIS
        written.append(path)

    nominations = pd.DataFrame(
        {
            "年度": [f"{n['fy']}年度" for n in programme.nominations],
            "所属コード": [n["dept_code"] for n in programme.nominations],
            "職員番号": [n["staff_id"] for n in programme.nominations],
            "選出区分": [n["level"] for n in programme.nominations],
        }
    )
    _write_xlsx(out / "03_変革リーダー選出.xlsx", {"選出者一覧": nominations})
    written.append(out / "03_変革リーダー選出.xlsx")

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
        _write_csv(frame, path, encoding="utf-8-sig")  # Excel-saved UTF-8 with BOM
        written.append(path)

    assignments = pd.DataFrame(programme.assignments)
    frame = pd.DataFrame(
        {
            "提出番号": assignments["submission_id"],
            "職員番号": assignments["staff_id"],
            "区分": assignments["level"],
            "提出日": [_wareki_date(d, "long") for d in assignments["day"]],
            "課題名": assignments["title"],
            "評価": assignments["result"],
            "想定削減時間(時間/年)": assignments["est_hours"].map(lambda h: f"{h:,.0f}"),
            "分類": assignments["category"],
        }
    )
    path = out / "05_課題提出_kintone.csv"
    _write_csv(_kintone_columns(frame, rng, list(assignments["day"])), path, encoding="cp932")
    written.append(path)

    certs = pd.DataFrame(programme.certifications)
    frame = pd.DataFrame(
        {
            "職員番号": certs["staff_id"],
            "認定区分": certs["level"].map({"bronze": "ブロンズ", "silver": "シルバー", "gold": "ゴールド"}),
            "認定日": [
                _wareki_date(d, "padded") if i % 3 == 0 else d.isoformat() for i, d in enumerate(certs["day"])
            ],
        }
    )
    # rows a real export carries now and then, set aside by the load with a reason (a typo'd date,
    # a level the contract does not know), so the data-quality view shows one on first run
    frame.loc[len(frame)] = [certs["staff_id"].iloc[0], "シルバー", "令和6年13月1日"]
    frame.loc[len(frame)] = [certs["staff_id"].iloc[1], "プラチナ", "2025-03-01"]
    path = out / "06_認定者一覧.csv"
    _write_csv(frame, path)
    written.append(path)

    def money(values):
        return ["" if pd.isna(v) else f"{v:,.0f}" for v in values]

    frame = pd.DataFrame(
        {
            "アプリID": apps["app_id"],
            "アプリ名": apps["app_name"],
            "所管所属コード": apps["owner_dept_code"],
            "作成日": [
                _full_width(d.isoformat()) if i % 7 == 0 else d.strftime("%Y/%-m/%-d")
                for i, d in enumerate(apps["created"])
            ],
            "作成者職員番号": apps["creator"].fillna(""),
            "運用開始日": ["" if d is None else _wareki_date(d, "short") for d in apps["released"]],
            "廃止日": ["" if d is None else d.isoformat() for d in apps["retired"]],
            "1件あたり削減時間(分)": apps["minutes"].map(lambda m: f"{m:.0f}"),
            "外注想定初期費用(円)": money(apps["initial"]),
            "外注想定年間運用費(円)": money(apps["running"]),
            "外注想定年間保守費(円)": money(apps["maintenance"]),
            "分類": apps["category"],
        }
    )
    path = out / "07_アプリ台帳_kintone.csv"
    _write_csv(_kintone_columns(frame, rng, list(apps["created"])), path, encoding="cp932")
    written.append(path)

    written += _write_usage(city, usage, out)

    written.append(_write_elearning(city, out))

    projects = pd.DataFrame(programme.projects)
    frame = pd.DataFrame(
        {
            "プロジェクト番号": projects["project_id"],
            "年度": [_wareki_fy(fy) for fy in projects["fy"]],
            "チーム名": projects["team"],
            "テーマ": projects["theme"],
            "状況": projects["status"],
            "元課題番号": projects["submission_id"].fillna(""),
            "アプリID": projects["app_id"].fillna(""),
            "発表日": [d if d is not None else None for d in projects["presented"]],
            "実装日": [d if d is not None else None for d in projects["implemented"]],
        }
    )
    _write_xlsx(out / "10_ゼミ・実装プロジェクト.xlsx", {"プロジェクト": frame})
    written.append(out / "10_ゼミ・実装プロジェクト.xlsx")

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
    _write_csv(targets, path)
    written.append(path)

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


def _write_usage(city: City, usage: pd.DataFrame, out: Path) -> list[Path]:
    """Month rows per fiscal year until FY2025; from April 2026, kintone's daily monthly exports
    that overlap by a week; plus one usage row of an app missing from the register (an orphan)."""
    rng = city.rng
    written = []
    usage = usage.copy()
    usage["fy"] = usage["month"].map(fiscal_year_of)
    daily_from = date(2026, 4, 1)
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
        _write_csv(frame, path, sep="\t" if fy == 2022 else ",")  # one office sends tab-separated
        written.append(path)
    daily = usage[usage["month"] >= daily_from]
    rows = []
    business_days = {
        month: [
            d
            for d in pd.date_range(month, pd.Timestamp(month) + pd.offsets.MonthEnd(0), freq="B").date
            if d <= city.last_day
        ]
        for month in daily["month"].unique()
    }
    for app_id, month, uses in daily[["app_id", "month", "uses"]].itertuples(index=False, name=None):
        days = business_days[month]
        if not days:
            continue
        split = rng.multinomial(uses, np.full(len(days), 1 / len(days)))
        rows += [(app_id, d, int(u)) for d, u in zip(days, split, strict=False) if u > 0]
    if rows:
        days_frame = pd.DataFrame(rows, columns=["app_id", "day", "uses"])
        months = sorted({d.replace(day=1) for d in days_frame["day"]})
        for month in months:
            start = month - timedelta(days=7)  # each export repeats the last week of the month before
            end = (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()
            part = days_frame[(days_frame["day"] >= start) & (days_frame["day"] <= end)]
            frame = pd.DataFrame(
                {
                    "アプリID": part["app_id"],
                    "利用日": part["day"].map(lambda d: d.isoformat()),
                    "処理件数": part["uses"],
                }
            )
            path = out / f"09_kintone利用ログ_{month:%Y-%m}.csv"
            _write_csv(frame, path)
            written.append(path)
    return written


def _write_elearning(city: City, out: Path) -> Path:
    """An e-learning service's activity report (English headers) on a catalogue of 600+ courses."""
    rng = city.rng
    catalogue = [
        f"{topic} {level}講座 {edition}"
        for topic in ELEARNING_TOPICS
        for level in ELEARNING_LEVELS
        for edition in ("2023", "2024", "2025", "2026")
    ]
    categories = {
        title: ELEARNING_CATEGORIES[i % len(ELEARNING_CATEGORIES)] for i, title in enumerate(catalogue)
    }
    rows = []
    latest = city.rosters[max(city.rosters)]
    learners = latest["staff_id"].sample(frac=0.7, random_state=int(rng.integers(1 << 30)))
    # a few courses everyone takes, and a long tail that still reaches every course in the catalogue
    popularity = rng.zipf(1.6, size=len(catalogue)).astype(float)
    popularity = 0.6 * popularity / popularity.sum() + 0.4 / len(catalogue)
    for staff_id in learners:
        for title in rng.choice(catalogue, size=int(rng.integers(1, 9)), replace=False, p=popularity):
            last = city.random_day(date(2023, 4, 1), city.last_day)
            minutes = float(np.round(rng.gamma(2.0, 40.0), 1))
            completed = last if rng.random() < 0.45 else None
            rows.append(
                (
                    staff_id,
                    title,
                    categories[title],
                    minutes,
                    last.isoformat(),
                    completed.isoformat() if completed else "",
                )
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "user_external_id",
            "course_title",
            "course_category",
            "num_video_consumed_minutes",
            "course_last_accessed_date",
            "course_completion_date",
        ],
    )
    path = out / "12_elearning_activity.csv"
    _write_csv(frame, path)
    return path

"""The kinds of export the data contract accepts, their columns, aliases and keys, as data."""

from __future__ import annotations

from dataclasses import dataclass, field

# Value types understood by etl.normalize.parse_value.
CODE = "code"  # identifiers: kept as text, leading zeros kept
TEXT = "text"
DATE = "date"
DATE_OR_MONTH = "date_or_month"  # a month means its first day
FISCAL_YEAR = "fiscal_year"
COUNT = "count"  # non-negative whole number
NUMBER = "number"  # non-negative number (minutes, hours)
YEN = "yen"  # non-negative amount of money
LEVEL = "level"
ATTENDANCE = "attendance"
RESULT = "result"
STATUS = "status"
METRIC = "metric"
EMAIL = "email"  # an e-mail address: lower-cased, compared as the contract says (section 2)

SQL_TYPES = {
    CODE: "varchar",
    TEXT: "varchar",
    DATE: "date",
    DATE_OR_MONTH: "date",
    FISCAL_YEAR: "integer",
    COUNT: "bigint",
    NUMBER: "double",
    YEN: "double",
    LEVEL: "varchar",
    ATTENDANCE: "varchar",
    RESULT: "varchar",
    STATUS: "varchar",
    METRIC: "varchar",
    EMAIL: "varchar",
}


# the column that says whether a row of a day-or-month date column is a day's or a whole month's, and
# its type (an enum: a byte a row where text cost a string)
GRANULARITY = "granularity"
GRANULARITY_TYPE = "usage_granularity"
GRANULARITIES = ("day", "month")


ANY_OF = "|"  # joins the names of a group of which one column would do: "staff_id|email"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    default: str | None = None  # canonical value used when the cell is empty


@dataclass(frozen=True)
class Kind:
    name: str
    label_ja: str
    label_en: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    extra_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # where a model is kept up to date incrementally from this kind's rows: the groups it recomputes
    # when a load touches them (the rest of the model is left as it is), as name -> SQL over a raw row
    refresh_groups: dict[str, str] = field(default_factory=dict)
    # the raw date column and the group column (a month's first day) that bound the rows a refresh reads
    refresh_months: tuple[str, str] | None = None
    # a date column that holds a day or a whole month: the stored row keeps which in GRANULARITY, part
    # of the key (a month row dated the 1st and a day row of the 1st are different facts; see
    # docs/decisions.md)
    granularity_of: str | None = None
    # columns of which at least one must be in the header and filled in a row (an e-learning row names
    # its person by staff_id or by e-mail address): together they count as one required column
    any_of: tuple[str, ...] = ()

    @property
    def stored_columns(self) -> tuple[tuple[str, str], ...]:
        """The raw table's value columns and their SQL types (the row's source comes on top)."""
        columns = tuple((c.name, SQL_TYPES[c.type]) for c in self.columns)
        return columns + (((GRANULARITY, GRANULARITY_TYPE),) if self.granularity_of else ())

    @property
    def stored_key(self) -> tuple[str, ...]:
        """What makes a stored row unique: the contract's key, and the granularity where there is one."""
        return self.key + ((GRANULARITY,) if self.granularity_of else ())

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def required_count(self) -> int:
        """How many required columns recognition weighs: the `any_of` group counts as one."""
        return len(self.needed)

    @property
    def needed(self) -> tuple[str, ...]:
        """What a header row must supply: each required column, and the `any_of` group as one name
        ("staff_id|email")."""
        return self.required + ((ANY_OF.join(self.any_of),) if self.any_of else ())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name, type_, required=False, aliases=(), default=None) -> Column:
    return Column(name, type_, required, tuple(aliases), default)


def _service_person() -> tuple[Column, Column]:
    """How the e-learning service names a person: the staff id (its External ID, under single sign-on)
    or the e-mail address; a kind with these has them as its `any_of`."""
    return (
        _c("staff_id", CODE, False, ["職員番号", "user_external_id", "external id"]),
        _c("email", EMAIL, False, ["メールアドレス", "user email"]),
    )


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "organizations",
            "組織",
            "Organisations",
            (
                _c("dept_code", CODE, True, ["所属コード", "課コード"]),
                _c("dept_name", TEXT, True, ["所属名", "課名"]),
                _c("bureau_name", TEXT, False, ["局名", "局区室名", "局"]),
                _c("bureau_code", CODE, False, ["局コード"]),
            ),
            ("dept_code",),
        ),
        Kind(
            "staff",
            "職員名簿",
            "Staff roster",
            (
                _c("staff_id", CODE, True, ["職員番号"]),
                _c("fiscal_year", FISCAL_YEAR, True, ["年度"]),
                _c("dept_code", CODE, True, ["所属コード"]),
                _c("employment_type", TEXT, False, ["雇用区分", "任用区分"]),
                _c("position", TEXT, False, ["職名", "役職"]),
                _c("name", TEXT, False, ["氏名"]),
                _c("left_on", DATE, False, ["退職日"]),
                _c("email", EMAIL, False, ["メールアドレス", "メール", "e-mail"]),
            ),
            ("fiscal_year", "staff_id"),
        ),
        Kind(
            "nominations",
            "変革リーダー選出",
            "Leader nominations",
            (
                _c("fiscal_year", FISCAL_YEAR, True, ["年度"]),
                _c("dept_code", CODE, True, ["所属コード"]),
                _c("staff_id", CODE, True, ["職員番号"]),
                _c("level", LEVEL, False, ["選出区分", "区分"], default="silver"),
            ),
            ("fiscal_year", "staff_id", "level"),
        ),
        Kind(
            "training",
            "研修受講",
            "Training attendance",
            (
                _c("staff_id", CODE, True, ["職員番号"]),
                _c("course_name", TEXT, True, ["研修名", "講座名"]),
                _c("level", LEVEL, True, ["区分", "研修区分"]),
                _c("session_date", DATE, True, ["受講日", "実施日"]),
                _c("attendance", ATTENDANCE, False, ["出欠"], default="attended"),
                _c("course_code", CODE, False, ["研修コード"]),
                _c("minutes", NUMBER, False, ["受講時間(分)"]),
            ),
            ("staff_id", "course_name", "session_date"),
        ),
        Kind(
            "assignments",
            "課題提出",
            "Assignments",
            (
                _c("submission_id", CODE, True, ["提出番号", "課題番号"]),
                _c("staff_id", CODE, True, ["職員番号"]),
                _c("level", LEVEL, True, ["区分"]),
                _c("submitted_on", DATE, True, ["提出日"]),
                _c("title", TEXT, False, ["課題名", "テーマ", "アイデア名"]),
                _c("result", RESULT, False, ["評価", "判定"]),
                _c("est_hours_saved", NUMBER, False, ["想定削減時間(時間/年)"]),
                _c("category", TEXT, False, ["分類"]),
            ),
            ("submission_id",),
        ),
        Kind(
            "certifications",
            "認定",
            "Certifications",
            (
                _c("staff_id", CODE, True, ["職員番号"]),
                _c("level", LEVEL, True, ["認定区分", "区分"]),
                _c("certified_on", DATE, True, ["認定日"]),
            ),
            ("staff_id", "level"),
        ),
        Kind(
            "apps",
            "アプリ台帳",
            "App register",
            (
                _c("app_id", CODE, True, ["アプリID"]),
                _c("app_name", TEXT, True, ["アプリ名"]),
                _c("owner_dept_code", CODE, True, ["所管所属コード", "所属コード"]),
                _c("created_on", DATE, True, ["作成日"]),
                _c("creator_staff_id", CODE, False, ["作成者職員番号"]),
                _c("released_on", DATE, False, ["運用開始日"]),
                _c("retired_on", DATE, False, ["廃止日", "運用終了日"]),
                _c(
                    "minutes_saved_per_use",
                    NUMBER,
                    True,
                    ["1件あたり削減時間(分)", "削減時間(分/件)"],
                ),
                _c("initial_cost_yen", YEN, False, ["外注想定初期費用(円)"]),
                _c("annual_running_cost_yen", YEN, False, ["外注想定年間運用費(円)"]),
                _c("annual_maintenance_cost_yen", YEN, False, ["外注想定年間保守費(円)"]),
                _c("category", TEXT, False, ["分類"]),
            ),
            ("app_id",),
        ),
        Kind(
            "app_usage",
            "アプリ利用実績",
            "App usage",
            (
                _c("app_id", CODE, True, ["アプリID"]),
                _c("usage_date", DATE_OR_MONTH, True, ["利用日", "利用月"]),
                _c("uses", COUNT, True, ["利用件数", "件数", "処理件数"]),
                _c("staff_id", CODE, False, ["職員番号"]),
            ),
            ("usage_date", "app_id", "staff_id"),
            refresh_groups={
                "app_id": 's."app_id"',
                "usage_month": "date_trunc('month', s.\"usage_date\")::date",
                "granularity": 's."granularity"',
            },
            refresh_months=("usage_date", "usage_month"),
            granularity_of="usage_date",
        ),
        Kind(
            "elearning",
            "動画学習",
            "E-learning",
            (
                *_service_person(),
                _c("course_title", TEXT, True, ["講座名", "course title"]),
                _c("minutes", NUMBER, True, ["視聴時間(分)", "num video consumed minutes"]),
                _c(
                    "activity_on",
                    DATE,
                    True,
                    ["最終受講日", "last activity date", "course last accessed date"],
                ),
                _c("completed_on", DATE, False, ["修了日", "course completion date"]),
                _c("category", TEXT, False, ["カテゴリ", "course category"]),
            ),
            # the contract's key is (person, course_title); the person is resolved through the roster
            # in stg_elearning, which keeps the latest row of each person and course
            ("staff_id", "email", "course_title"),
            any_of=("staff_id", "email"),
        ),
        Kind(
            "elearning_users",
            "動画学習ユーザー一覧",
            "E-learning users",
            (
                *_service_person(),
                _c("license", TEXT, True, ["ライセンス種別", "ライセンス", "license type"]),
                _c("status", TEXT, False, ["ステータス", "状態"]),
                _c("joined_on", DATE, False, ["参加日", "joined date", "date joined"]),
            ),
            # the service's user list names each licence by address (External ID under single sign-on)
            ("staff_id", "email"),
            any_of=("staff_id", "email"),
        ),
        Kind(
            "projects",
            "ゼミ・実装プロジェクト",
            "Seminar projects",
            (
                _c("project_id", CODE, True, ["プロジェクト番号"]),
                _c("team", TEXT, True, ["チーム名"]),
                _c("theme", TEXT, True, ["テーマ"]),
                _c("status", STATUS, True, ["状況"]),
                _c("fiscal_year", FISCAL_YEAR, True, ["年度"]),
                _c("submission_id", CODE, False, ["元課題番号"]),
                _c("app_id", CODE, False, ["アプリID"]),
                _c("presented_on", DATE, False, ["発表日"]),
                _c("implemented_on", DATE, False, ["実装日"]),
            ),
            ("project_id",),
        ),
        Kind(
            "targets",
            "目標",
            "Targets",
            (
                _c("metric", METRIC, True, ["指標"]),
                _c("fy_from", FISCAL_YEAR, True, ["開始年度"]),
                _c("fy_to", FISCAL_YEAR, True, ["終了年度"]),
                _c("value", NUMBER, True, ["目標値"]),
            ),
            ("metric", "fy_from", "fy_to"),
        ),
    )
}


def raw_table(kind: str) -> str:
    return f"raw_{kind}"

"""Every word a person reads, in Japanese and English, and how to say one in a given language.

No Streamlit here: the figure builders and the briefing use it outside a page. The ETL's own messages
(etl/messages.py) and the kinds' names (etl/kinds.py) are part of the same table, written once there.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Literal

from etl import settings
from etl.kinds import KINDS
from etl.messages import MESSAGES
from presentation.words_programme import PROGRAMME

Language = Literal["ja", "en"]
LANGUAGES: tuple[Language, ...] = ("ja", "en")

STRINGS: dict[str, dict[str, str]] = {
    # shell
    "app_title": {"ja": "DX人材ダッシュボード", "en": "DX Talent Dashboard"},
    "section_overview": {"ja": "概要", "en": "Overview"},
    "section_programme": {"ja": "DX人材育成", "en": "Talent programme"},
    "section_lowcode": {"ja": "ローコード活用", "en": "Low-code impact"},
    "section_data": {"ja": "データ管理", "en": "Data"},
    "page_overview": {"ja": "エグゼクティブ概要", "en": "Executive overview"},
    "page_talent": {"ja": "DX人材・認定", "en": "Talent & certification"},
    "page_apps": {"ja": "アプリ", "en": "Apps"},
    "page_hours": {"ja": "削減時間", "en": "Hours saved"},
    "page_costs": {"ja": "システム経費削減", "en": "Cost avoided"},
    "page_import": {"ja": "データ取込", "en": "Import"},
    "page_quality": {"ja": "データ品質", "en": "Data quality"},
    "language": {"ja": "表示言語", "en": "Language"},
    "filters": {"ja": "表示条件", "en": "Filters"},
    "filter_fy": {"ja": "年度", "en": "Fiscal year"},
    "filter_bureau": {"ja": "局・区", "en": "Bureaus"},
    "filter_bureau_all": {"ja": "すべての局・区", "en": "All bureaus"},
    "filter_bureau_note": {
        "ja": "局・区の絞り込みは局別のグラフに反映されます。KPIは全庁の値です。",
        "en": "The bureau filter applies to the charts by bureau. KPI cards are city-wide.",
    },
    "demo_banner": {
        "ja": "デモデータを表示しています。職員のデータを取り込むと置き換わります。",
        "en": "You are looking at demo data. Loading the office's own exports replaces it.",
    },
    "table_no_rows": {"ja": "該当する行はありません。", "en": "No rows to show."},
    # the business rules in force (etl/settings.py), on the Data quality page
    "rules_title": {"ja": "集計ルール(設定値)", "en": "Rules behind the figures (settings)"},
    "settings_rules_intro": {
        "ja": "設定ファイル({file})で変更できる値と、データ仕様で決まっている値です。",
        "en": "Values the settings file ({file}) may change, and values the data contract fixes.",
    },
    "col_business_rule": {"ja": "ルール", "en": "Rule"},
    "col_rule_key": {"ja": "設定名", "en": "Setting"},
    "col_rule_value": {"ja": "使用中の値", "en": "In force"},
    "col_rule_default": {"ja": "既定値", "en": "Default"},
    "col_rule_source": {"ja": "出典", "en": "From"},
    "rule_from_file": {"ja": "設定ファイル", "en": "settings file"},
    "rule_from_default": {"ja": "既定値", "en": "default"},
    "rule_from_contract": {"ja": "データ仕様(変更不可)", "en": "data contract (fixed)"},
    "rule_inactive_days": {
        "ja": "この日数、利用のない運用中アプリを休眠アプリとする(日)",
        "en": "An app in operation unused for this many days is inactive (days)",
    },
    "rule_recent_use_days": {
        "ja": "データの最新日からこの日数以内に利用されたアプリを「直近に利用」とする(日)",
        "en": "An app used within this many days of the latest usage date counts as recently used (days)",
    },
    "rule_min_days_to_annualise": {
        "ja": "年度内に使えた日数がこれ未満のアプリは実績を年換算しない(日)",
        "en": "An app usable for fewer days than this in a year is not scaled to a year (days)",
    },
    "rule_backlog_min_hours": {
        "ja": "アイデアの未着手リストの既定の下限(年間の見込み削減時間)",
        "en": "The idea backlog's default floor (estimated hours saved a year)",
    },
    "rule_min_group_size": {
        "ja": "集計のみ閲覧できるロールに、この人数未満の集計を表示しない(人)",
        "en": "Counts of fewer people than this are hidden from roles that see aggregates only (people)",
    },
    "rule_leaders_per_department": {
        "ja": "所属ごとに選出するシルバー変革リーダーの人数(リーダー充足率の基準)",
        "en": "Silver change leaders nominated per department (what leader coverage counts)",
    },
    "models_rebuild": {
        "ja": "以前のバージョンで取り込んだデータです。集計をこのバージョンで作り直しています…",
        "en": "The data was loaded by an earlier version: building its figures again with this one…",
    },
    "models_rebuilt": {"ja": "集計を作り直しました。", "en": "The figures were built again."},
    "first_run": {
        "ja": "初回起動: デモデータを作成して取り込んでいます…",
        "en": "First start: generating and loading the demo data…",
    },
    "first_run_done": {"ja": "デモデータを取り込みました", "en": "Demo data loaded"},
    "first_run_failed": {
        "ja": "デモデータを取り込めませんでした: {detail}",
        "en": "The demo data could not be loaded: {detail}",
    },
    "no_data": {
        "ja": "表示できるデータがありません。「データ取込」からファイルを取り込んでください。",
        "en": "There is no data to show yet. Load exports on the Import page.",
    },
    "as_of": {
        "ja": "データの最新日: {latest} ・ 最終取込: {loaded}",
        "en": "Latest date in the data: {latest} · Last load: {loaded}",
    },
    "year_in_progress": {
        "ja": "{fy}は年度途中です({latest}まで)。累計は{latest}時点、増減は前年同期({period})との比較です。",
        "en": "{fy} is in progress (data to {latest}). Running totals are as of {latest}; changes compare "
        "with the same period of the previous year ({period}).",
    },
    "vs_previous_label": {"ja": "前年度比", "en": "YoY"},
    "vs_same_period_label": {"ja": "前年同期比", "en": "vs same period"},
    "vs_same_period_months": {"ja": "前年同期比 ({period})", "en": "vs same period ({period})"},
    "kpi_to_date": {"ja": "年度途中: {day}まで", "en": "To date (as of {day})"},
    "kpi_plan_line": {
        "ja": "計画 {plan}・達成率 {pct} {grade}",
        "en": "Plan {plan} · {pct} achieved {grade}",
    },
    "filter_all": {"ja": "すべて", "en": "All"},
    "preview_sample_none": {
        "ja": "確認した行には取り込める行がありません。",
        "en": "None of the rows checked can be loaded.",
    },
    # KPI cards
    "kpi_dx_talent": {"ja": "DX人材(累計)", "en": "DX talent (cumulative)"},
    "kpi_dx_talent_help": {
        "ja": "DX人材 = シルバーまたはゴールドの認定を年度末(年度途中はデータの最新日)までに受けた職員の人数(重複なし)。シルバー後にゴールドになった職員は1人と数えます。",
        "en": "DX talent = distinct staff with a Silver or Gold certification on or before the fiscal year's end (for a year in progress, the latest date in the data). A Silver who became Gold counts once.",
    },
    "kpi_target_reached": {"ja": "目標 {target} の {pct}", "en": "{pct} of the {target} target"},
    "kpi_no_target": {"ja": "この年度の目標はありません", "en": "No target covers this year"},
    "kpi_certified": {"ja": "{level}認定(年度内)", "en": "{level} certified in year"},
    "kpi_certified_help": {
        "ja": "この年度に{level}の認定日がある職員の人数(重複なし)。",
        "en": "Distinct staff with a {level} certification dated in the fiscal year.",
    },
    "kpi_hours": {"ja": "業務削減時間", "en": "Work hours saved"},
    "kpi_hours_help": {
        "ja": "年度内のアプリ利用件数 × アプリ台帳の1件あたり削減時間(分) ÷ 60。台帳にないアプリの利用と、月次行と重複する日次行は含みません。",
        "en": "Uses in the fiscal year × the register's minutes saved per use ÷ 60. Usage of apps missing from the register, and day rows overlapped by a month row, are left out.",
    },
    "kpi_cost": {"ja": "システム経費削減額(累計)", "en": "Cost avoided (cumulative)"},
    "kpi_cost_help": {
        "ja": "年度末(年度途中はデータの最新日)までに運用を開始したアプリの外注想定費用: 初期費用 + (年間運用費 + 年間保守費) × 運用日数 ÷ 365。運用日数は運用開始日(なければ作成日)から年度末(年度途中は最新日)または廃止日まで。",
        "en": "What outsourcing the apps started by the year's end (for a year in progress, the latest date in the data) would have cost: initial + (annual running + annual maintenance) × days in operation ÷ 365, from release (else creation) to that day or retirement.",
    },
    "kpi_apps": {"ja": "運用中アプリ", "en": "Apps in operation"},
    "kpi_apps_help": {
        "ja": "年度末(年度途中はデータの最新日)までに運用を開始し、その時点で廃止されていないアプリの数。",
        "en": "Apps started on or before the fiscal year's end (for a year in progress, the latest date in the data) and not retired by then.",
    },
    "kpi_active_apps": {"ja": "利用実績のあるアプリ", "en": "Active apps"},
    "kpi_active_apps_help": {
        "ja": "年度内に利用件数が1件以上ある、台帳に登録されたアプリの数。",
        "en": "Apps in the register with at least one use in the fiscal year.",
    },
    "kpi_coverage": {
        "ja": "リーダー{leaders_per_department}人選出の所属",
        "en": "Depts with {leaders_per_department} leaders",
    },
    "kpi_coverage_help": {
        "ja": "組織一覧の所属のうち、この年度にシルバーの変革リーダーが{leaders_per_department}人以上選出された所属の数。",
        "en": "Departments in the organisation list with at least {leaders_per_department} Silver change leaders nominated in the fiscal year.",
    },
    "kpi_coverage_value": {"ja": "{covered} / {total} 所属", "en": "{covered} / {total} depts"},
    "level_bronze": {"ja": "ブロンズ", "en": "Bronze"},
    "level_silver": {"ja": "シルバー", "en": "Silver"},
    "level_gold": {"ja": "ゴールド", "en": "Gold"},
    "unit_people": {"ja": "人", "en": ""},
    "unit_apps": {"ja": "本", "en": ""},
    # overview charts
    "overview_title": {"ja": "エグゼクティブ概要", "en": "Executive overview"},
    "chart_talent_title": {
        "ja": "DX人材の累計と目標(年度末時点)",
        "en": "Cumulative DX talent against the target (at fiscal year end)",
    },
    "chart_talent_actual": {"ja": "累計DX人材", "en": "Cumulative DX talent"},
    "chart_talent_target": {"ja": "目標", "en": "Target"},
    "chart_talent_plan": {"ja": "計画(年度ごと)", "en": "Plan for the year"},
    "chart_talent_projection": {"ja": "現在のペースでの見通し", "en": "Projection at the current pace"},
    "projection_reached": {
        "ja": "現在のペース(年{pace}人)では、目標{target}人に{year}に到達する見込みです。",
        "en": "At the current pace ({pace} a year) the {target} target is reached in {year}.",
    },
    "projection_needed": {
        "ja": "目標{target}人まで残り{gap}人。{end}までに年{needed}人のペースが必要です(現在のペース: 年{pace}人)。",
        "en": "{gap} to go to the {target} target: {needed} a year are needed until {end} (current pace: {pace} a year).",
    },
    "projection_done": {
        "ja": "目標{target}人を達成しています。",
        "en": "The {target} target has been reached.",
    },
    "chart_hours_title": {
        "ja": "月別の業務削減時間(年度ごと)",
        "en": "Work hours saved by month, per fiscal year",
    },
    "chart_cost_title": {
        "ja": "システム経費削減額の累計(内訳)",
        "en": "Cumulative system cost avoided, by component",
    },
    "cost_initial": {"ja": "初期費用", "en": "Initial"},
    "cost_running": {"ja": "運用費", "en": "Running"},
    "cost_maintenance": {"ja": "保守費", "en": "Maintenance"},
    "chart_bureau_title": {
        "ja": "局・区別の認定者数({fy})",
        "en": "Staff certified by bureau ({fy})",
    },
    "axis_fiscal_year": {"ja": "年度", "en": "Fiscal year"},
    "axis_people": {"ja": "人数", "en": "People"},
    "axis_hours": {"ja": "削減時間(時間)", "en": "Hours saved"},
    "axis_yen": {"ja": "金額(億円)", "en": "Amount (¥bn)"},
    "axis_month": {"ja": "月", "en": "Month"},
    "axis_bureau": {"ja": "局・区", "en": "Bureau"},
    "axis_apps": {"ja": "アプリ数", "en": "Apps"},
    "bureau_unknown": {"ja": "所属不明", "en": "Department unknown"},
    "hover_people": {"ja": "{value}人", "en": "{value} people"},
    # talent page
    "talent_title": {"ja": "DX人材・認定", "en": "Talent and certification"},
    "chart_certified_by_fy": {
        "ja": "区分別の認定者数(年度別)",
        "en": "Staff certified by level and fiscal year",
    },
    "chart_per_100": {
        "ja": "局・区別の認定者数(職員100人あたり、{fy})",
        "en": "Staff certified per 100 staff, by bureau ({fy})",
    },
    "axis_per_100": {"ja": "職員100人あたり", "en": "Per 100 staff"},
    "download_xlsx": {"ja": "Excelでダウンロード", "en": "Download .xlsx"},
    "tab_certifications": {"ja": "認定状況", "en": "Certifications"},
    "tab_progress": {"ja": "目標への進捗", "en": "Progress to target"},
    "tab_funnel": {"ja": "育成ファネル", "en": "Funnel"},
    "tab_coverage": {"ja": "所属のカバー状況", "en": "Department coverage"},
    "tab_progression": {"ja": "ゴールドへのステップアップ", "en": "On to Gold"},
    "tab_rules": {"ja": "ルール確認", "en": "Rule checks"},
    "tab_retention": {"ja": "定着状況", "en": "Retention"},
    "kpi_active_talent": {"ja": "在職中のDX人材", "en": "Active DX talent"},
    "kpi_active_talent_help": {
        "ja": "累計DX人材のうち、年度末までに退職していない職員(職員名簿の退職日で判定)。累計DX人材は退職者も含む延べ人数です。",
        "en": "Cumulative DX talent less those who left by the year's end (the roster's leaving date). Cumulative DX talent includes leavers.",
    },
    "kpi_pace_needed": {"ja": "目標達成に必要なペース", "en": "Pace needed for the target"},
    "kpi_pace_needed_help": {
        "ja": "目標の最終年度までに残りの人数を達成するために、残りの各年度で必要な認定者数。",
        "en": "Certifications needed in each remaining year to reach the target by its last fiscal year.",
    },
    "per_year": {"ja": "{value}人/年", "en": "{value} a year"},
    "dept_table_title": {"ja": "所属別の認定者数({fy})", "en": "Certified by department ({fy})"},
    "col_bureau": {"ja": "局・区", "en": "Bureau"},
    "col_dept_code": {"ja": "所属コード", "en": "Dept code"},
    "col_dept": {"ja": "所属", "en": "Department"},
    "col_staff": {"ja": "職員数", "en": "Staff"},
    "col_staff_id": {"ja": "職員番号", "en": "Staff ID"},
    "col_name": {"ja": "氏名", "en": "Name"},
    "col_level": {"ja": "区分", "en": "Level"},
    "col_certified_on": {"ja": "認定日", "en": "Certified on"},
    "col_left_on": {"ja": "退職日", "en": "Left on"},
    "col_maker_tier": {"ja": "提案者の認定", "en": "Maker's tier"},
    "col_silver_on": {"ja": "シルバー認定日", "en": "Silver on"},
    "col_gold_on": {"ja": "ゴールド認定日", "en": "Gold on"},
    "col_per_100": {"ja": "100人あたり", "en": "Per 100 staff"},
    "col_leaders": {"ja": "選出リーダー数", "en": "Leaders nominated"},
    "col_dx_talent": {"ja": "DX人材(在籍)", "en": "DX talent on roster"},
    "col_rule": {"ja": "確認事項", "en": "Check"},
    "col_cohort": {"ja": "シルバー認定年度", "en": "Silver cohort"},
    "col_silver": {"ja": "シルバー認定者", "en": "Silver certified"},
    "col_went_gold": {"ja": "うちゴールド認定", "en": "Went on to Gold"},
    "col_gold_share": {"ja": "ゴールド到達率", "en": "Share to Gold"},
    "col_median_days": {"ja": "ゴールドまでの日数(中央値)", "en": "Median days to Gold"},
    "col_conversion": {"ja": "認定率(最初の段階から)", "en": "Certified of first step"},
    "step_nominated": {"ja": "選出", "en": "Nominated"},
    "step_trained": {"ja": "研修受講", "en": "Trained"},
    "step_submitted": {"ja": "課題提出", "en": "Submitted"},
    "step_certified": {"ja": "認定", "en": "Certified"},
    "funnel_title": {"ja": "{level}の育成ファネル({fy})", "en": "{level} funnel ({fy})"},
    "funnel_missing": {
        "ja": "この年度の{level}には「{steps}」のデータがありません(0人ではなく、データなし)。その段階を除いて表示しています。",
        "en": "There is no {steps} data for {level} in this year (not zero: no data). The funnel skips that step.",
    },
    "funnel_empty": {
        "ja": "この年度の{level}のデータはありません。",
        "en": "There is no {level} data for this year.",
    },
    "funnel_note": {
        "ja": "各段階は前の段階を通過した人数です。選出データがある場合、選出された変革リーダーが対象です。",
        "en": "Each step counts people who passed the step before. Where nominations exist, the funnel follows the nominated leaders.",
    },
    "funnel_by_bureau": {"ja": "局・区別のファネル", "en": "Funnel by bureau"},
    "delivery_title": {
        "ja": "局・区別: DX人材の構成比と職員の構成比({fy}末)",
        "en": "Share of DX talent against share of staff, by bureau (end of {fy})",
    },
    "talent_share": {"ja": "DX人材の構成比", "en": "Share of DX talent"},
    "staff_share": {"ja": "職員の構成比", "en": "Share of staff"},
    "axis_share": {"ja": "構成比(%)", "en": "Share (%)"},
    "coverage_title": {
        "ja": "所属ごとのシルバー変革リーダー選出数({fy}、面積は職員数)",
        "en": "Silver leaders nominated per department ({fy}; area = staff)",
    },
    "coverage_none": {"ja": "選出なし", "en": "None"},
    "coverage_one": {"ja": "1人", "en": "One"},
    "coverage_enough": {"ja": "{leaders_per_department}人以上", "en": "{leaders_per_department} or more"},
    "coverage_hover": {
        "ja": "選出リーダー: {leaders}人 / DX人材: {talent}人 / 職員: {staff}人",
        "en": "Leaders: {leaders} / DX talent: {talent} / Staff: {staff}",
    },
    "action_list_title": {
        "ja": "要対応: シルバー変革リーダーが{leaders_per_department}人未満の所属({count}所属)",
        "en": "Action list: departments with fewer than {leaders_per_department} Silver leaders ({count})",
    },
    "progression_title": {
        "ja": "シルバー認定年度別のゴールド到達率",
        "en": "Share of each Silver cohort that went on to Gold",
    },
    "rules_intro": {
        "ja": "{fy}の認定・提出・選出について、制度のルールと合わない記録を一覧にしています。",
        "en": "Records in {fy} that do not fit the programme's rules.",
    },
    "rule_certified_without_assignment": {
        "ja": "課題提出なしでシルバー認定",
        "en": "Silver certified without a submitted assignment",
    },
    "rule_certified_without_session": {
        "ja": "研修出席なしで認定",
        "en": "Certified without any attended session",
    },
    "rule_submitted_not_certified": {"ja": "提出済みだが未認定", "en": "Submitted but not (yet) certified"},
    "rule_nominated_not_trained": {"ja": "選出されたが研修未出席", "en": "Nominated but no session attended"},
    "rule_count": {"ja": "{count}件", "en": "{count}"},
    "retention_title": {"ja": "累計DX人材と在職中のDX人材", "en": "Cumulative and active DX talent"},
    "leavers_title": {"ja": "退職したDX人材({count}人)", "en": "DX talent who have left ({count})"},
    # low-code pages
    "assumptions": {"ja": "前提条件(変更できます)", "en": "Assumptions (editable)"},
    "assumption_note": {
        "ja": "前提条件はこの画面の見え方だけを変えます。KPI(python -m etl kpis)の値は変わりません。",
        "en": "Assumptions change only what this page shows; the headline figures (python -m etl kpis) do not change.",
    },
    "fte_hours": {"ja": "1人あたり年間勤務時間(時間)", "en": "Annual working hours per person"},
    "fte_hours_help": {
        "ja": "既定値1,860時間 = 1日7時間45分 × 年間240勤務日(地方公務員の標準的な勤務時間)。",
        "en": "Default 1,860 h = 7 h 45 min a day × 240 working days a year (the standard local-government working time).",
    },
    "kpi_fte": {"ja": "常勤職員換算", "en": "Full-time equivalents"},
    "kpi_fte_help": {
        "ja": "業務削減時間 ÷ 1人あたり年間勤務時間(前提条件)。",
        "en": "Hours saved ÷ annual working hours per person (an assumption).",
    },
    "fte_value": {"ja": "{value}人分", "en": "{value} FTE"},
    "hourly_yen": {"ja": "職員1時間あたり人件費(円)", "en": "Staff cost per hour (yen)"},
    "hourly_yen_help": {
        "ja": "既定値4,000円 ≒ 職員1人あたり年間人件費 約740万円 ÷ 1,860時間。自治体の実績値に置き換えてください。",
        "en": "Default ¥4,000 ≈ about ¥7.4m of yearly staff cost per person ÷ 1,860 h. Replace it with the city's own figure.",
    },
    "scenario_low": {"ja": "低位シナリオ(倍率)", "en": "Low scenario (multiplier)"},
    "scenario_high": {"ja": "高位シナリオ(倍率)", "en": "High scenario (multiplier)"},
    "scenario_help": {
        "ja": "各アプリの外注想定費用に掛ける倍率。見積りの幅を示します。",
        "en": "Multipliers on each app's outsourcing estimate, to show the range of the estimate.",
    },
    "scenario_caption": {
        "ja": "帯: 低位 ×{low} 〜 高位 ×{high}(前提条件)",
        "en": "Band: low ×{low} to high ×{high} (assumptions)",
    },
    "chart_cost_band": {
        "ja": "システム経費削減額の累計と見積りの幅",
        "en": "Cumulative cost avoided with the range of the estimate",
    },
    "band_base": {"ja": "基準(台帳の見積り)", "en": "Base (register estimates)"},
    "band_low": {"ja": "低位", "en": "Low"},
    "band_high": {"ja": "高位", "en": "High"},
    "chart_cost_by_bureau": {
        "ja": "局・区別のシステム経費削減額(累計、{fy})",
        "en": "Cost avoided by bureau (cumulative, {fy})",
    },
    "value_of_hours_title": {
        "ja": "別の見方: 削減時間の人件費換算",
        "en": "Another view: hours saved valued at staff cost",
    },
    "value_of_hours_note": {
        "ja": "これはシステム経費削減額とは別の指標です(合算しません)。業務削減時間 × 1時間あたり人件費(前提条件)。",
        "en": "This is a separate measure from cost avoided (never added to it): hours saved × staff cost per hour (an assumption).",
    },
    "chart_value_of_hours": {
        "ja": "削減時間の人件費換算(年度別、時給{rate})",
        "en": "Hours saved valued at staff cost, by fiscal year ({rate} an hour)",
    },
    "series_value_of_hours": {"ja": "人件費換算額", "en": "Value of hours saved"},
    "kpi_value_of_hours": {"ja": "削減時間の人件費換算({fy})", "en": "Value of hours saved ({fy})"},
    "app_table_title": {"ja": "アプリ一覧({fy})", "en": "Apps ({fy})"},
    "search": {"ja": "検索(アプリ名・ID・所属)", "en": "Search (app name, ID, department)"},
    "sort_by": {"ja": "並べ替え", "en": "Sort by"},
    "col_app_id": {"ja": "アプリID", "en": "App ID"},
    "col_app": {"ja": "アプリ名", "en": "App"},
    "col_category": {"ja": "分類", "en": "Category"},
    "col_creator": {"ja": "作成者職員番号", "en": "Creator"},
    "col_created_on": {"ja": "作成日", "en": "Created"},
    "col_released_on": {"ja": "運用開始日", "en": "Released"},
    "col_retired_on": {"ja": "廃止日", "en": "Retired"},
    "col_minutes": {"ja": "1件あたり削減(分)", "en": "Minutes saved per use"},
    "col_uses": {"ja": "利用件数", "en": "Uses"},
    "col_hours": {"ja": "削減時間", "en": "Hours saved"},
    "col_hours_previous": {"ja": "前年度の削減時間", "en": "Hours saved, previous year"},
    "col_cost": {"ja": "経費削減額(累計)", "en": "Cost avoided (cumulative)"},
    "col_last_used": {"ja": "最終利用日", "en": "Last used"},
    "col_missing_cost": {"ja": "費用の欠損", "en": "Cost missing"},
    "col_missing_initial": {"ja": "初期費用なし", "en": "No initial cost"},
    "col_missing_running": {"ja": "運用費なし", "en": "No running cost"},
    "col_missing_maintenance": {"ja": "保守費なし", "en": "No maintenance cost"},
    "col_reason_cleanup": {"ja": "理由", "en": "Why"},
    "col_project": {"ja": "プロジェクト", "en": "Project"},
    "col_team": {"ja": "チーム", "en": "Team"},
    "col_theme": {"ja": "テーマ", "en": "Theme"},
    "col_idea": {"ja": "元のアイデア(課題)", "en": "Original idea (assignment)"},
    "col_estimated": {"ja": "想定削減時間(時間/年)", "en": "Estimated hours a year"},
    "col_realised": {"ja": "実績削減時間(年度内)", "en": "Realised hours in year"},
    "sort_hours": {"ja": "削減時間の多い順", "en": "Most hours saved"},
    "sort_uses": {"ja": "利用件数の多い順", "en": "Most uses"},
    "sort_cost": {"ja": "経費削減額の多い順", "en": "Most cost avoided"},
    "tab_inventory": {"ja": "アプリの推移", "en": "Inventory"},
    "tab_makers": {"ja": "作成者", "en": "Makers"},
    "tab_long_tail": {"ja": "効果の集中度", "en": "Long tail"},
    "tab_cleanup": {"ja": "棚卸し", "en": "Clean-up"},
    "tab_app_table": {"ja": "アプリ一覧", "en": "App table"},
    "chart_inventory": {
        "ja": "月別のアプリ作成・運用開始・廃止",
        "en": "Apps created, released and retired by month",
    },
    "series_created": {"ja": "作成", "en": "Created"},
    "series_released": {"ja": "運用開始", "en": "Released"},
    "series_retired": {"ja": "廃止", "en": "Retired"},
    "kpi_used_recently": {
        "ja": "直近{recent_use_days}日に利用されたアプリ",
        "en": "Apps used in the last {recent_use_days} days",
    },
    "kpi_used_recently_help": {
        "ja": "データの最新日({latest})から{recent_use_days}日以内に利用件数のあるアプリの数。",
        "en": "Apps with uses in the {recent_use_days} days up to the latest date in the data ({latest}).",
    },
    "chart_makers": {"ja": "年度別のアプリ作成者", "en": "App makers by fiscal year"},
    "series_makers": {"ja": "作成者", "en": "Makers"},
    "series_new_makers": {"ja": "新たな作成者", "en": "New makers"},
    "series_dx_makers": {"ja": "うちDX人材(シルバー・ゴールド)", "en": "Of whom DX talent (Silver/Gold)"},
    "chart_makers_by_bureau": {"ja": "局・区別のアプリ作成者({fy})", "en": "App makers by bureau ({fy})"},
    "kpi_makers_year": {"ja": "アプリ作成者(年度内)", "en": "App makers in year"},
    "kpi_dx_makers": {"ja": "うちDX人材", "en": "Of whom DX talent"},
    "kpi_dx_makers_help": {
        "ja": "アプリを作成した職員のうち、シルバーまたはゴールドの認定を受けている職員。研修と実践のつながりを示します。",
        "en": "App makers who hold a Silver or Gold certification: the link between the training and the building.",
    },
    "chart_pareto": {
        "ja": "アプリ別の削減時間の集中度({fy})",
        "en": "How concentrated hours saved are across apps ({fy})",
    },
    "axis_share_apps": {
        "ja": "アプリの割合(削減時間の多い順、%)",
        "en": "Share of apps, most hours first (%)",
    },
    "axis_share_hours": {"ja": "削減時間の累積割合(%)", "en": "Cumulative share of hours saved (%)"},
    "pareto_summary": {
        "ja": "上位10%のアプリが削減時間の{top10}、上位20%が{top20}を生み出しています。",
        "en": "The top 10% of apps produce {top10} of the hours saved, and the top 20% produce {top20}.",
    },
    "inactive_title": {
        "ja": "休眠アプリ: 運用中だが{inactive_days}日以上利用なし({count}本)",
        "en": "Inactive: in operation, no use for {inactive_days} days ({count})",
    },
    "orphaned_title": {
        "ja": "管理者不在の可能性: 作成者が退職・他局へ異動({count}本)",
        "en": "Possibly orphaned: the maker has left or moved bureau ({count})",
    },
    "reason_left": {"ja": "作成者が退職", "en": "maker has left"},
    "reason_elsewhere": {"ja": "作成者が他局に在籍", "en": "maker now in another bureau"},
    "chart_hours_by_app": {
        "ja": "アプリ別の削減時間(上位20本とその他、{fy})",
        "en": "Hours saved by app (top 20 and the rest, {fy})",
    },
    "others_total": {
        "ja": "上位20本以外の{count}本の合計: {hours}",
        "en": "The other {count} apps together: {hours}",
    },
    "chart_hours_by_category": {"ja": "分類別の削減時間", "en": "Hours saved by category"},
    "dept_hours_title": {"ja": "所属別の削減時間({fy})", "en": "Hours saved by department ({fy})"},
    "estimate_title": {
        "ja": "アイデアの想定と実績(ゼミでアプリ化されたもの)",
        "en": "Estimated against realised (ideas built into apps by seminar teams)",
    },
    "estimate_none": {
        "ja": "想定と実績を比べられるアプリはまだありません。",
        "en": "No app can be compared with its estimate yet.",
    },
    "chart_estimate": {"ja": "想定削減時間と実績({fy})", "en": "Estimated and realised hours ({fy})"},
    "series_estimated": {"ja": "想定(年間)", "en": "Estimated (a year)"},
    "series_realised": {"ja": "実績", "en": "Realised"},
    "method_hours": {
        "ja": "**業務削減時間** = 年度内の利用件数 × アプリ台帳の「1件あたり削減時間(分)」÷ 60。月次データと日次データが同じ月にある場合は月次を採用し、日次は重複として除外します。",
        "en": "**Hours saved** = uses in the fiscal year × the register's minutes saved per use ÷ 60. Where a month has both a month row and day rows, the month row stands and the day rows are left out as overlaps.",
    },
    "method_cost": {
        "ja": "**システム経費削減額(累計)** = 年度末までに運用を開始したアプリについて、外注想定の初期費用 + (年間運用費 + 年間保守費) × 運用日数 ÷ 365。運用日数は運用開始日(なければ作成日)から、年度末または廃止日の早い方まで。費用の欠損は0円として計算し、下に一覧します。",
        "en": "**Cost avoided (cumulative)** = for apps started by the fiscal year's end: outsourced initial cost + (annual running + annual maintenance) × days in operation ÷ 365, from release (else creation) to the year's end or retirement, whichever is first. Missing costs count as 0 and are listed below.",
    },
    "method_apps": {
        "ja": "**運用中アプリ** = 年度末までに運用を開始し、年度末に廃止されていないアプリ。**利用実績のあるアプリ** = 年度内に利用件数が1件以上。",
        "en": "**Apps in operation** = started by the year's end and not retired by then. **Active apps** = at least one use in the fiscal year.",
    },
    "method_counts": {
        "ja": "根拠データ: アプリ台帳 {app_rows}件({app_files}ファイル)、集計した利用実績 {usage_rows}行({usage_files}ファイル)。",
        "en": "Behind the figures: {app_rows} apps in the register ({app_files} files), {usage_rows} usage rows counted ({usage_files} files).",
    },
    "method_excluded": {
        "ja": "除外: 台帳にないアプリの利用 {orphan_usage_rows}行({orphan_apps}アプリ)、月次と重複する日次行 {overlap_rows}行。",
        "en": "Left out: {orphan_usage_rows} usage rows of {orphan_apps} apps missing from the register, {overlap_rows} day rows overlapped by month rows.",
    },
    "method_missing_cost": {
        "ja": "費用の見積りが欠けているアプリ: {count}本(0円として計算)",
        "en": "Apps with a cost estimate missing: {count} (counted as 0)",
    },
    # apps page
    "apps_title": {"ja": "アプリ", "en": "Apps"},
    "chart_apps_by_fy": {
        "ja": "運用中アプリと利用実績のあるアプリ(年度別)",
        "en": "Apps in operation and active apps, by fiscal year",
    },
    # hours page
    "hours_title": {"ja": "業務削減時間", "en": "Work hours saved"},
    "chart_hours_by_bureau": {"ja": "局・区別の業務削減時間({fy})", "en": "Hours saved by bureau ({fy})"},
    "chart_hours_by_fy": {"ja": "年度別の業務削減時間", "en": "Hours saved by fiscal year"},
    # costs page
    "costs_title": {"ja": "システム経費削減額", "en": "System cost avoided"},
    "method_title": {"ja": "算出方法", "en": "How this is computed"},
    # import page
    "import_title": {"ja": "データ取込", "en": "Import"},
    "import_intro": {
        "ja": "CSV(UTF-8 / Shift_JIS)または Excel ファイルを選んで取り込みます。ファイルの種類は見出し行から判定します。",
        "en": "Choose CSV (UTF-8 / Shift_JIS) or Excel files to load. Each file's kind is recognised from its header row.",
    },
    "import_files": {"ja": "取り込むファイル", "en": "Files to load"},
    "import_button": {"ja": "取り込む", "en": "Load"},
    "import_replace_demo": {
        "ja": "最初の取込でデモデータは削除され、取り込んだデータに置き換わります。",
        "en": "The first load replaces the demo data with the loaded files.",
    },
    "import_confirm_demo": {
        "ja": "デモデータを置き換えることを確認しました",
        "en": "I understand that the demo data will be replaced",
    },
    "import_result": {"ja": "取込結果", "en": "Load result"},
    "import_done": {"ja": "取込が完了しました", "en": "The load is complete"},
    "import_failed": {"ja": "取込に失敗しました", "en": "The load failed"},
    "import_too_large": {
        "ja": "「{name}」は大きすぎます(上限 {limit} MB)",
        "en": "'{name}' is too large (limit {limit} MB)",
    },
    "import_already_loaded": {
        "ja": "取込済みのため対象外: {files}(×で一覧から外せます)",
        "en": "Already loaded, left out: {files} (remove them from the list with ×)",
    },
    "upload_button": {"ja": "ファイルを選ぶ", "en": "Choose files"},
    "upload_limits": {
        "ja": "1ファイル{limit}MBまで・CSV / Excel(.xlsx)",
        "en": "Up to {limit} MB a file · CSV / Excel (.xlsx)",
    },
    "preview_title": {"ja": "取込前の確認", "en": "Check before loading"},
    "preview_kind": {"ja": "種類: {kind}", "en": "Kind: {kind}"},
    "preview_unknown": {"ja": "種類を判定できません", "en": "Kind not recognised"},
    "preview_mapping": {"ja": "列の対応(見出し → 項目)", "en": "Which header feeds which column"},
    "preview_ignored": {"ja": "使わない列: {headers}", "en": "Columns not used: {headers}"},
    "preview_sample": {"ja": "取り込まれる内容(先頭10行)", "en": "The first rows as they will be stored"},
    "preview_set_aside_heading": {
        "ja": "保留になる行({count}件)",
        "en": "Rows that would be set aside ({count})",
    },
    "preview_first_page": {
        "ja": "先頭の{shown}件を表示しています",
        "en": "the first {shown} are shown",
    },
    "preview_warnings": {
        "ja": "空欄として取り込む値({count}件)",
        "en": "Optional values stored as missing ({count})",
    },
    "col_header": {"ja": "ファイルの見出し", "en": "Header in the file"},
    "col_field": {"ja": "取り込む項目", "en": "Column"},
    "map_title": {"ja": "見出しを項目に対応づける", "en": "Map the headers to columns"},
    "map_intro": {
        "ja": "このファイルの種類と、足りない項目に当たる見出しを選んでください。対応は data/mapping.toml に保存され、次回から自動で使われます。",
        "en": "Choose the kind of this file and which header holds each missing column. The mapping is saved to data/mapping.toml and used from then on.",
    },
    "map_kind": {"ja": "ファイルの種類", "en": "Kind of export"},
    "map_header_for": {"ja": "「{column}」に当たる見出し", "en": "Header for '{column}'"},
    "map_save": {"ja": "対応を保存して再確認", "en": "Save the mapping and check again"},
    "map_saved": {"ja": "対応を保存しました", "en": "The mapping was saved"},
    "import_running": {
        "ja": "取り込んでいます… 他の利用者はこの間も前のデータで閲覧を続けられます。",
        "en": "Loading… everyone else keeps seeing the previous data meanwhile.",
    },
    "undo_title": {"ja": "前回の取込を取り消す", "en": "Undo the last load"},
    "undo_intro": {
        "ja": "直前の取込の前の状態に戻します。取り込んだファイルのデータは表示されなくなります。",
        "en": "Go back to the data as it was before the last load. The data of the files loaded last is no longer shown.",
    },
    "undo_confirm": {"ja": "前回の取込を取り消すことを確認しました", "en": "I want to undo the last load"},
    "undo_button": {"ja": "取り消す", "en": "Undo"},
    "history_title": {"ja": "取込履歴", "en": "Load history"},
    "col_file": {"ja": "ファイル", "en": "File"},
    "col_sheet": {"ja": "シート", "en": "Sheet"},
    "col_kind": {"ja": "種類", "en": "Kind"},
    "col_status": {"ja": "結果", "en": "Status"},
    "col_rows_read": {"ja": "読込行数", "en": "Rows read"},
    "col_rows_loaded": {"ja": "取込行数", "en": "Rows loaded"},
    "col_rows_quarantined": {"ja": "保留行数", "en": "Rows set aside"},
    "col_message": {"ja": "内容", "en": "Message"},
    "col_loaded_at": {"ja": "取込日時", "en": "Loaded at"},
    "col_hash": {"ja": "内容ハッシュ", "en": "Content hash"},
    "col_row": {"ja": "行", "en": "Row"},
    "col_column": {"ja": "列", "en": "Column"},
    "col_value": {"ja": "値", "en": "Value"},
    "col_reason": {"ja": "理由", "en": "Reason"},
    "col_latest": {"ja": "データの最新日", "en": "Latest date"},
    "col_last_load": {"ja": "最終取込", "en": "Last load"},
    "status_loaded": {"ja": "取込済", "en": "loaded"},
    "status_unchanged": {"ja": "変更なし", "en": "unchanged"},
    "status_rejected": {"ja": "取込不可", "en": "rejected"},
    "warn_usage_old": {
        "ja": "アプリ利用実績の最新日が{latest}です。{days}日以上前のため、月次の取込が漏れていないか確認してください。",
        "en": "The latest app usage is from {latest}, more than {days} days ago: check that a monthly export was not missed.",
    },
    "warn_roster_missing": {
        "ja": "{fy}の職員名簿がまだ取り込まれていません。",
        "en": "The staff roster for {fy} has not been loaded yet.",
    },
    "freshness_ok": {
        "ja": "すべての種類が通常の更新周期内です。",
        "en": "Every kind of export is within its usual cycle.",
    },
    "filter_file": {"ja": "ファイルで絞り込む", "en": "Filter by file"},
    "filter_kind": {"ja": "種類で絞り込む", "en": "Filter by kind"},
    "filter_column": {"ja": "列で絞り込む", "en": "Filter by column"},
    "orphan_nominations": {
        "ja": "組織一覧にない所属の選出: {count}件",
        "en": "Nominations of departments missing from the organisation list: {count}",
    },
    "gaps_title": {"ja": "データの抜け", "en": "Gaps"},
    "gap_usage": {
        "ja": "運用中のアプリで利用実績が1件もない月(最初と最後の利用月の間): {count}件",
        "en": "Months with no usage at all for an app in operation (between its first and last month of use): {count}",
    },
    "gap_departments": {
        "ja": "組織一覧にない所属コードの名簿行: {count}件",
        "en": "Roster departments missing from the organisation list: {count}",
    },
    "col_usage_date": {"ja": "利用日・月", "en": "Usage date or month"},
    "col_month": {"ja": "月", "en": "Month"},
    "col_source_row": {"ja": "元ファイルの行", "en": "Source row"},
    "col_fiscal_year": {"ja": "年度", "en": "Fiscal year"},
    "col_severity": {"ja": "区分", "en": "Severity"},
    "severity_quarantine": {"ja": "保留", "en": "set aside"},
    "severity_warning": {"ja": "空欄で取込", "en": "stored as missing"},
    # quality page
    "quality_title": {"ja": "データ品質", "en": "Data quality"},
    "freshness_title": {"ja": "データの鮮度(種類別)", "en": "Freshness by kind of export"},
    "quarantine_title": {"ja": "保留中の行", "en": "Rows set aside"},
    "quarantine_none": {"ja": "保留中の行はありません。", "en": "No rows are set aside."},
    "orphans_title": {"ja": "対応する相手のない行", "en": "Rows pointing at something unknown"},
    "orphan_usage": {
        "ja": "台帳にないアプリの利用実績: {count}行(集計から除外、台帳に追加されると自動で集計に入ります)",
        "en": "Usage rows of apps missing from the register: {count} (left out of the figures until the register has the app)",
    },
    "orphan_certs": {
        "ja": "名簿にない職員の認定: {count}件(認定数には含み、所属不明として表示)",
        "en": "Certifications of staff on no roster: {count} (counted, shown as department unknown)",
    },
    "overlap_usage": {
        "ja": "月次行と重複する日次行: {count}行(集計から除外)",
        "en": "Day rows overlapped by a month row: {count} (left out of the figures)",
    },
    "chart_rows_by_kind": {"ja": "種類別の取込行数", "en": "Rows loaded by kind"},
    "axis_rows": {"ja": "行数", "en": "Rows"},
    "download_csv": {"ja": "CSVでダウンロード", "en": "Download CSV"},
    # kinds
    # sign-in and roles
    "sign_in": {"ja": "サインイン", "en": "Sign in"},
    "sign_in_intro": {
        "ja": "市のアカウントでサインインしてください。",
        "en": "Sign in with your city account.",
    },
    "sign_out": {"ja": "サインアウト", "en": "Sign out"},
    "local_mode": {
        "ja": "ローカルモード(サインインなし、この端末のみ)",
        "en": "Local mode, no sign-in (this computer only)",
    },
    "signed_in_as": {"ja": "{user}({role})", "en": "{user} ({role})"},
    "role_executive": {"ja": "幹部", "en": "Executive"},
    "role_analyst": {"ja": "分析担当", "en": "Analyst"},
    "role_data_admin": {"ja": "データ管理者", "en": "Data administrator"},
    "access_refused": {
        "ja": "このダッシュボードは {address} で公開されていますが、サインインが設定されていません。"
        "他の端末には表示しません。README の「Deploying on the city network」に従って "
        ".streamlit/secrets.toml(OpenID Connect)または信頼できるプロキシのヘッダーを設定してください。",
        "en": "This dashboard is served on {address} but no sign-in is configured, so it serves no other "
        "computer. Configure .streamlit/secrets.toml (OpenID Connect) or a trusted proxy's header as the "
        'README\'s "Deploying on the city network" describes.',
    },
    "access_not_local": {
        "ja": "このダッシュボードはサインインなしで {address} に公開されており、この端末のブラウザーから直接開いた場合に限り"
        "表示します(プロキシや別の名前を経由した接続には表示しません)。他の端末から使うには README の"
        "「Deploying on the city network」に従って .streamlit/secrets.toml(OpenID Connect)または信頼できる"
        "プロキシのヘッダーを設定してください。",
        "en": "This dashboard is served on {address} without sign-in, so it shows itself only to a browser on "
        "this computer that opens it directly, never through a proxy or another name. To use it from other "
        "computers, configure .streamlit/secrets.toml (OpenID Connect) or a trusted proxy's header as the "
        'README\'s "Deploying on the city network" describes.',
    },
    "access_header_repeated": {
        "ja": "サインインの情報を持つヘッダーが 2 回以上送られてきたため、表示しません。プロキシは利用者を示すヘッダーを"
        "追加するのではなく置き換えるよう設定してください(README の nginx の例: proxy_set_header)。",
        "en": "The header that names the signed-in person came more than once, so nothing is shown. Set the proxy "
        "to replace that header rather than add to it (the README's nginx example: proxy_set_header).",
    },
    "access_no_identity": {
        "ja": "サインインした利用者が分かりません(プロキシのヘッダーがありません)。",
        "en": "No signed-in person is known (the proxy's header is missing).",
    },
    "access_no_role": {
        "ja": "{email} には役割が割り当てられていません。DX戦略室に依頼してください。",
        "en": "{email} has no role here yet. Ask the DX strategy office for one.",
    },
    "access_roles_broken": {
        "ja": "役割ファイルを読めません: {problem}",
        "en": "The roles file cannot be read: {problem}",
    },
    "roles_unreadable": {
        "ja": "{file} を開けません({reason})。",
        "en": "{file} cannot be opened ({reason}).",
    },
    "roles_not_a_file": {
        "ja": "{file} が通常のファイルではありません。",
        "en": "{file} is not a regular file.",
    },
    "roles_too_large": {
        "ja": "{file} が {limit} を超えています。",
        "en": "{file} is larger than {limit}.",
    },
    "roles_not_utf8": {
        "ja": "{file} が UTF-8 で保存されていません。",
        "en": "{file} is not saved as UTF-8.",
    },
    "roles_not_toml": {
        "ja": "{file} が TOML として読めません: {detail}",
        "en": "{file} is not valid TOML: {detail}",
    },
    "roles_not_text": {
        "ja": "{file} の {where} は文字列で書いてください。",
        "en": "In {file}, {where} must be a text.",
    },
    "roles_not_a_table": {
        "ja": "{file} の {where} は表([{where}])で書いてください。",
        "en": "In {file}, {where} must be a table ([{where}]).",
    },
    "roles_not_a_list": {
        "ja": '{file} の {where} は文字列のリストで書いてください(例: ["a@city.example"])。',
        "en": 'In {file}, {where} must be a list of texts (for example ["a@city.example"]).',
    },
    "roles_unknown_role": {
        "ja": "{file} の役割 {role} は使えません(使える役割: {roles})。",
        "en": "In {file}, the role {role} is not known (the roles are {roles}).",
    },
    "chart_table": {"ja": "図の数値(表): {title}", "en": "The chart's figures (table): {title}"},
    "too_many_reruns": {
        "ja": "操作が速すぎるため、少しお待ちください。数秒後にもう一度操作すると表示されます。",
        "en": "That was faster than the dashboard answers. Wait a moment, then try again in a few seconds.",
    },
    "not_permitted": {
        "ja": "このページを表示する権限がありません。",
        "en": "You are not permitted to open this page.",
    },
    "audit_title": {"ja": "監査ログ", "en": "Audit log"},
    "audit_intro": {
        "ja": "サインイン、取込、取消、見出しの対応付け、職員一覧のダウンロードの記録(追記のみ、取消でも消えません)。",
        "en": "Sign-ins, loads, undos, header mappings and downloads of staff lists (append-only; an undo never erases it).",
    },
    "audit_chain_holds": {
        "ja": "改ざん検知: {count} 件の記録すべてが直前の記録のハッシュを持っています(編集・削除・挿入はありません)。",
        "en": "Tamper check: all {count} entries carry the hash of the one before (none edited, removed or inserted).",
    },
    "audit_chain_broken": {
        "ja": "改ざん検知: {line} 行目でハッシュの連鎖が切れています。この行またはその直前の記録が編集・削除・挿入されたか、"
        "読めない行です。監査ログのファイルを確認してください。",
        "en": "Tamper check: the chain of hashes breaks at line {line}. That entry or the one before it was "
        "edited, removed or inserted, or cannot be read. Check the audit log file.",
    },
    "audit_unchained": {
        "ja": "最初の {count} 件はハッシュを持たない以前の形式の記録で、改ざん検知の対象外です。",
        "en": "The first {count} entries predate the hashes and cannot be checked.",
    },
    "col_at": {"ja": "日時(UTC)", "en": "When (UTC)"},
    "col_actor": {"ja": "利用者", "en": "Who"},
    "col_action": {"ja": "操作", "en": "Action"},
    "col_detail": {"ja": "内容", "en": "What"},
    # the executive briefing (slides and PDF)
    "page_briefing": {"ja": "報告資料", "en": "Briefing"},
    "briefing_title": {"ja": "報告資料(PowerPoint・PDF)", "en": "Briefing (PowerPoint and PDF)"},
    "briefing_intro": {
        "ja": "年度・言語・範囲を選ぶと、ダッシュボードと同じ数値で報告資料を作成します。PowerPointのグラフは編集できます。",
        "en": "Pick a year, a language and a scope: the briefing uses the dashboard's own figures. The PowerPoint charts stay editable.",
    },
    "briefing_lang": {"ja": "資料の言語", "en": "Language of the slides"},
    "briefing_scope": {"ja": "範囲", "en": "Scope"},
    "briefing_city": {"ja": "全庁", "en": "Whole city"},
    "briefing_make": {"ja": "資料を作成", "en": "Make the files"},
    "briefing_making": {"ja": "資料を作成しています…", "en": "Making the files…"},
    "briefing_made": {"ja": "資料を作成しました", "en": "The files are ready"},
    "pdf_no_chromium": {
        "ja": "この端末に Chromium がありません(README の set-up を参照)",
        "en": "Chromium is not installed on this machine (see the README's set-up)",
    },
    "pdf_print_failed": {
        "ja": "Chromium が時間内に印刷を終えられませんでした(詳細はサーバーのログ)",
        "en": "Chromium could not print it in time (details in the server's log)",
    },
    "pdf_printed_nothing": {
        "ja": "Chromium が何も印刷しませんでした(詳細はサーバーのログ)",
        "en": "Chromium printed nothing (details in the server's log)",
    },
    "pdf_busy": {"ja": "印刷の順番を待ちきれませんでした", "en": "No printer came free in time"},
    "briefing_busy": {
        "ja": "他の資料の印刷が続いているため、今は作成できません。しばらくしてからもう一度押してください。",
        "en": "Other briefings are still being printed, so these cannot be made now. Press again in a while.",
    },
    "briefing_failed": {
        "ja": "資料を作成できませんでした: {detail}",
        "en": "The files could not be made: {detail}",
    },
    "briefing_pptx": {"ja": "PowerPointをダウンロード", "en": "Download PowerPoint"},
    "briefing_pdf": {"ja": "PDFをダウンロード", "en": "Download PDF"},
    "briefing_preview": {"ja": "スライドのプレビュー", "en": "Slide preview"},
    "deck_title": {"ja": "DX人材育成・ローコード活用の状況", "en": "DX talent and low-code: where we stand"},
    "deck_scope": {"ja": "対象: {scope}", "en": "Scope: {scope}"},
    "deck_as_of": {"ja": "{day}現在", "en": "As of {day}"},
    "deck_year_to_date": {"ja": "年度途中({period}の実績)", "en": "Year to date ({period})"},
    "deck_demo": {"ja": "デモデータ", "en": "DEMO DATA"},
    "deck_footer": {
        "ja": "出典: DX人材ダッシュボード({dataset}、最終取込 {loaded})",
        "en": "Source: DX talent dashboard ({dataset}, last load {loaded})",
    },
    "deck_dataset_demo": {"ja": "デモデータ", "en": "demo data"},
    "deck_dataset_office": {"ja": "庁内データ", "en": "the office's data"},
    "deck_kpi_title": {
        "ja": "{fy}: DX人材{talent}、業務削減{hours}、経費削減{cost}",
        "en": "{fy}: {talent} DX talent, {hours} saved, {cost} avoided",
    },
    "deck_kpi_city_note": {
        "ja": "KPIは全庁の値です(範囲の指定は局別のグラフと一覧に反映)。",
        "en": "KPIs are city-wide (the scope applies to the charts and lists by bureau).",
    },
    "col_figure": {"ja": "指標", "en": "Figure"},
    "col_actual": {"ja": "実績", "en": "Value"},
    "deck_change_header": {"ja": "増減({compared})", "en": "Change ({compared})"},
    "col_plan": {"ja": "計画", "en": "Plan"},
    "col_achievement": {"ja": "達成率", "en": "Achieved"},
    "col_grade": {"ja": "評価", "en": "Grade"},
    # the bands' own words are the office's, in data/settings.toml; this is what no band can say
    "grade_none": {"ja": "評価不能", "en": "not rated"},
    "deck_talent_title": {
        "ja": "DX人材は{current}人、目標{target}人の{share}",
        "en": "{current} DX talent: {share} of the {target} target",
    },
    "deck_talent_no_target": {"ja": "DX人材は{current}人", "en": "{current} DX talent"},
    "deck_certs_title": {
        "ja": "{fy}の認定: シルバー{silver}人、ゴールド{gold}人、ブロンズ{bronze}人",
        "en": "{fy} certifications: {silver} Silver, {gold} Gold, {bronze} Bronze",
    },
    "deck_hours_title": {
        "ja": "{fy}の業務削減は{hours}(職員{fte}人分)",
        "en": "{fy}: {hours} saved, the work of {fte} full-time staff",
    },
    "deck_fte_note": {
        "ja": "常勤換算は年間{hours}時間/人で計算。",
        "en": "Full-time equivalents at {hours} hours a person a year.",
    },
    "deck_cost_title": {
        "ja": "システム経費削減額は累計{cost}",
        "en": "{cost} of system cost avoided so far",
    },
    "deck_cost_method": {
        "ja": "方法: 職員が作ったアプリを外注した場合の費用(初期費用+運用日数分の年間運用費・保守費)を積み上げた推計です。",
        "en": "Method: what outsourcing the apps staff built would have cost (initial cost plus running and maintenance for the days in operation), added up.",
    },
    "deck_act_title": {
        "ja": "対応が必要: リーダー未充足{departments}所属、休眠アプリ{inactive}本、引継ぎ要アプリ{orphaned}本",
        "en": "To act on: {departments} departments short of leaders, {inactive} inactive and {orphaned} orphaned apps",
    },
    "deck_act_departments": {
        "ja": "リーダーが{leaders_per_department}人未満の所属(上位10)",
        "en": "Departments short of {leaders_per_department} leaders (top 10)",
    },
    "deck_act_apps": {"ja": "休眠・引継ぎ要アプリ(上位10)", "en": "Inactive or orphaned apps (top 10)"},
    "deck_act_why_inactive": {"ja": "{inactive_days}日利用なし", "en": "no use in {inactive_days} days"},
    "deck_act_why_orphaned": {"ja": "作成者が退職・異動", "en": "maker left or moved"},
    "deck_method_title": {"ja": "算出方法とデータ", "en": "Method and data"},
    "deck_method_files": {
        "ja": "取込データ: {rows}行。保留(取込対象外)の行: {set_aside}行。",
        "en": "Rows loaded: {rows}. Rows set aside: {set_aside}.",
    },
    "deck_method_talent": {
        "ja": "**DX人材** = シルバーまたはゴールドの認定者(1人1回)。累計は年度末時点(年度途中は最新日時点)。",
        "en": "**DX talent** = people certified Silver or Gold, each counted once; cumulative at the year's end (in a year in progress, at the latest date).",
    },
    "deck_page": {"ja": "{page} / {pages}", "en": "{page} / {pages}"},
}

# the words of the ETL and of the kinds, so that a page says what the command line says
KIND_LABELS = {f"kind_{k.name}": {"ja": k.label_ja, "en": k.label_en} for k in KINDS.values()}
WORDS: dict[str, dict[str, str]] = {**MESSAGES, **KIND_LABELS, **STRINGS, **PROGRAMME}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# the words that name a business rule ({inactive_days}): written with the rule's value in force, so that
# a page never says "180 days" of a list the office's settings cut at 90
RULE_WORDS = frozenset(key for key, texts in WORDS.items() if _fields(texts["ja"]) & settings.BY_NAME.keys())


# English writes a count below ten in a sentence as a word ("two leaders"); Japanese writes the figure
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def rule_values(lang: Language) -> dict[str, str]:
    values = settings.load().values.items()
    return {name: _SMALL[v] if lang == "en" and 0 <= v < 10 else f"{v:,}" for name, v in values}


def translate(lang: Language, key: str, **params) -> str:
    text = WORDS[key][lang]
    if key in RULE_WORDS:
        params = rule_values(lang) | params
    return text.format(**params) if params else text


@dataclass(frozen=True)
class Words:
    """The words of one language: `words("chart_hours_title")`; `words.lang` for the number formats."""

    lang: Language

    def __call__(self, key: str, **params) -> str:
        return translate(self.lang, key, **params)

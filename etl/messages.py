"""Bilingual (ja/en) messages the ETL writes into its log, quarantine and command-line output."""

from __future__ import annotations

import os

MESSAGES: dict[str, dict[str, str]] = {
    # row-level reasons
    "missing": {"ja": "必須項目が空です", "en": "required value is missing"},
    "bad_date": {"ja": "日付として読めません", "en": "not a readable date"},
    "month_not_allowed": {
        "ja": "年月だけでは日付になりません(日まで必要です)",
        "en": "a month is not enough here; a full date is needed",
    },
    "bad_fiscal_year": {"ja": "年度として読めません", "en": "not a readable fiscal year"},
    "bad_number": {"ja": "数値として読めません", "en": "not a readable number"},
    "negative": {"ja": "負の値は使えません", "en": "negative values are not allowed"},
    "not_whole": {"ja": "整数ではありません", "en": "not a whole number"},
    "bad_level": {
        "ja": "区分が不明です(ブロンズ/シルバー/ゴールド)",
        "en": "unknown level (bronze/silver/gold)",
    },
    "bad_attendance": {"ja": "出欠が不明です(出席/欠席)", "en": "unknown attendance (attended/absent)"},
    "bad_result": {
        "ja": "評価が不明です(合格/不合格/再提出)",
        "en": "unknown result (pass/fail/resubmit)",
    },
    "bad_status": {
        "ja": "状況が不明です(検討中/開発中/実装済)",
        "en": "unknown status (idea/building/live)",
    },
    "bad_text": {"ja": "値が読めません", "en": "unreadable value"},
    # file-level messages
    "file_loaded": {"ja": "{rows}行を取り込みました", "en": "{rows} row(s) loaded"},
    "file_loaded_quarantine": {
        "ja": "{rows}行を取り込み、{bad}行を保留しました",
        "en": "{rows} row(s) loaded, {bad} set aside",
    },
    "preview_ok": {"ja": "{rows}行を取り込めます", "en": "{rows} row(s) can be loaded"},
    "preview_quarantine": {
        "ja": "{rows}行を取り込めます。{bad}行は保留になります",
        "en": "{rows} row(s) can be loaded; {bad} will be set aside",
    },
    "undo_done": {
        "ja": "前回の取込を取り消しました({snapshot})",
        "en": "The last load was undone ({snapshot})",
    },
    "undo_nothing": {"ja": "取り消せる取込はありません", "en": "There is no load to undo"},
    "file_unchanged": {
        "ja": "同じ内容のファイルは取込済みです(変更なし)",
        "en": "a file with the same content was loaded before; nothing changed",
    },
    "file_empty": {"ja": "ファイルが空です", "en": "the file is empty"},
    "file_header_only": {"ja": "見出し行だけでデータ行がありません", "en": "header row only, no data rows"},
    "file_unreadable": {
        "ja": "ファイルを読めません: {detail}",
        "en": "the file cannot be read: {detail}",
    },
    "file_binary": {
        "ja": "CSVでもExcelでもないファイルです",
        "en": "the file is neither CSV nor Excel",
    },
    "file_bad_workbook": {
        "ja": "Excelファイルが壊れているか開けません",
        "en": "the Excel workbook is damaged or cannot be opened",
    },
    "file_no_sheet": {
        "ja": "種類の分かるシートがありません({sheets})",
        "en": "no sheet matches a known kind ({sheets})",
    },
    "sheet_skipped": {
        "ja": "シート「{sheet}」は対象外のため読み飛ばしました",
        "en": "sheet '{sheet}' matches no kind and was skipped",
    },
    "file_no_kind": {
        "ja": "ファイルの種類を判定できません。候補: {candidates}",
        "en": "cannot tell which kind of export this is. Candidates: {candidates}",
    },
    "file_tie": {
        "ja": "種類が一つに決まりません({kinds})。列を追加するか --kind を指定してください",
        "en": "the header fits several kinds ({kinds}); add a column or pass --kind",
    },
    "file_kind_missing_columns": {
        "ja": "{kind}として読むには列が足りません: {missing}",
        "en": "required columns for {kind} are missing: {missing}",
    },
    "candidate": {"ja": "{kind}(不足: {missing})", "en": "{kind} (missing: {missing})"},
    "file_not_found": {"ja": "ファイルがありません", "en": "file not found"},
    "file_skipped": {"ja": "CSV/Excel以外のため読み飛ばしました", "en": "not a .csv or .xlsx file; skipped"},
    "demo_into_office": {
        "ja": "デモ用データは職員データに混ぜられません",
        "en": "demo exports cannot be mixed with the office's data",
    },
    "file_too_large": {
        "ja": "ファイルが大きすぎます(上限 {limit})",
        "en": "the file is too large (limit {limit})",
    },
    "workbook_too_large": {
        "ja": "Excelの展開後サイズが大きすぎます(上限 {limit})",
        "en": "the workbook expands too far (limit {limit})",
    },
    "workbook_cell_too_long": {
        "ja": "シート「{sheet_name}」{row}行目に{limit}文字を超えるセルがあります(Excelのセルの上限)",
        "en": "sheet '{sheet_name}' row {row} has a cell longer than {limit} characters (Excel's own cell limit)",
    },
    "workbook_text_too_large": {
        "ja": "Excelのセルの文字が合計{limit}を超えます。CSVで書き出すか、ファイルを分けてください",
        "en": "the workbook's cells hold more than {limit} of text; export it as CSV or split it",
    },
    "csv_line_too_long": {
        "ja": "{limit}を超える行があり読めません。壊れていないか確認してください",
        "en": "a line is longer than {limit}; check that the export is not damaged",
    },
    "file_failed": {
        "ja": "このファイルを取り込めませんでした(他のファイルは取り込みます): {detail}",
        "en": "this file could not be loaded (the other files are): {detail}",
    },
    "note_bom_cp932": {
        "ja": "UTF-8のBOMの後がShift_JIS(CP932)のため、CP932として読みました",
        "en": "a UTF-8 byte-order mark stands before Shift_JIS (CP932) text; read as CP932",
    },
    "mapping_unreadable": {
        "ja": "見出しの対応表 {file} を読めないため使いませんでした: {detail}",
        "en": "the header mapping file {file} cannot be read and was not used: {detail}",
    },
    "preview_more_rows": {
        "ja": "確認したのは先頭{sample}行です。残り{rest}行は取込時に同じ規則で読みます",
        "en": "the first {sample} rows were checked; the other {rest} rows are read by the same rules on loading",
    },
    # a business rule of the settings file (etl/settings.py) that cannot be used
    "rule_out_of_range": {
        "ja": "{file} の {rule} = {value} は使えないため、既定の {default} を使っています({min}〜{max}の整数で指定してください)",
        "en": "{rule} = {value} in {file} cannot be used, so the default {default} applies (write a whole number from {min} to {max})",
    },
    # the grade bands of the settings file (contract 4.2)
    "bands_fallback": {
        "ja": "{file} の評価区分(grades.bands)が使えないため、市の既定の区分({defaults})で評価しています: {problem}",
        "en": "the grade bands (grades.bands) of {file} cannot be used, so the city's default bands grade the figures ({defaults}): {problem}",
    },
    "bands_unreadable": {"ja": "ファイルを読めません({detail})", "en": "the file cannot be read ({detail})"},
    "bands_none": {
        "ja": "[[grades.bands]] が1つもありません",
        "en": "there is no [[grades.bands]] entry",
    },
    "bands_not_table": {
        "ja": "{number}番目の区分が表(letter, from, ja, en)になっていません",
        "en": "band {number} is not a table (letter, from, ja, en)",
    },
    "bands_missing": {
        "ja": "{number}番目の区分に {field} がありません",
        "en": "band {number} has no {field}",
    },
    "bands_bad_bound": {
        "ja": "{number}番目の区分の from({value})は0以上の割合で書いてください(1.2 = 120%)",
        "en": "band {number}'s from ({value}) must be a share of 0 or more (1.2 is 120%)",
    },
    "bands_bad_colour": {
        "ja": "{number}番目の区分の colour({value})は次のいずれかです: {allowed}",
        "en": "band {number}'s colour ({value}) must be one of: {allowed}",
    },
    "bands_not_descending": {
        "ja": "{number}番目の区分の from が前の区分より小さくありません(高い区分から順に書きます)",
        "en": "band {number}'s from is not below the band before it (write the highest band first)",
    },
    "bands_last_not_zero": {
        "ja": "最後の区分({letter})の from は0にしてください(どの達成率にも区分が付くように)",
        "en": "the last band ({letter}) must start from 0, so that every achievement has a band",
    },
    "bands_letter_twice": {"ja": "同じ記号の区分が2つあります", "en": "two bands have the same letter"},
    "run_failed": {
        "ja": "取込に失敗しました。データは変更していません: {detail}",
        "en": "the load failed and nothing was changed: {detail}",
    },
}


def language() -> str:
    """The CLI's language: DXDASH_LANG, else the locale, else English."""
    for var in ("DXDASH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def msg(key: str, lang: str | None = None, **params) -> str:
    text = MESSAGES[key][lang or language()]
    return text.format(**params) if params else text

-- every quarantined or warned row names its file, row, column and a reason in both languages
select *
from row_issues
where file_name is null or row_number is null or column_name is null
    or reason_ja is null or reason_en is null
    or severity not in ('quarantine', 'warning')

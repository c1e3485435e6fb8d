-- one row per value set aside (or warned about): file, row, column, value and the reason
with source as (
    select * from row_issues
),

final as (
    select
        severity,
        kind,
        file_name,
        sheet,
        row_number,
        column_name,
        raw_value,
        reason_ja,
        reason_en,
        row_json,
        load_id
    from source
)

select * from final order by load_id desc, file_name, row_number, column_name

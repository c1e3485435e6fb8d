-- one row per value set aside (or warned about): file, row, column, value and the reason in $lang
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
        case when $lang = 'en' then reason_en else reason_ja end as reason,
        row_json,
        load_id
    from source
)

select * from final order by load_id desc, file_name, row_number, column_name

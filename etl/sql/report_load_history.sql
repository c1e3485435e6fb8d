-- one row per file (or workbook sheet) per load: what happened to it, newest first
with source as (
    select * from load_files
),

final as (
    select
        source.load_id,
        source.loaded_at,
        source.file_name,
        source.sheet,
        source.kind,
        source.status,
        source.rows_read,
        source.rows_loaded,
        source.rows_quarantined,
        source.message_ja,
        source.message_en,
        source.content_hash
    from source
)

select * from final order by load_id desc, loaded_at desc, file_name

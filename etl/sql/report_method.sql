-- one row: what stands behind the low-code figures of fiscal year $fiscal_year (for the method panel)
select
    (select count(*) from stg_apps) as app_rows,
    (
        select count(distinct split_part(sources.source_file, ' [', 1))
        from raw_apps inner join sources using (source_id)
    ) as app_files,
    (
        select coalesce(sum(usage_rows), 0) from stg_app_usage_months
        where fiscal_year = $fiscal_year and not is_orphan and not is_overlap
    )
        as usage_rows,
    (
        select count(distinct sources.source_file)
        from raw_app_usage inner join sources using (source_id)
    ) as usage_files,
    (select coalesce(sum(usage_rows), 0) from stg_app_usage_months where fiscal_year = $fiscal_year and is_orphan) as orphan_usage_rows,
    (select count(distinct app_id) from stg_app_usage_months where fiscal_year = $fiscal_year and is_orphan)
        as orphan_apps,
    (select coalesce(sum(usage_rows), 0) from stg_app_usage_months where fiscal_year = $fiscal_year and is_overlap) as overlap_rows,
    (select count(*) from stg_apps where has_missing_cost and start_on <= fiscal_year_end($fiscal_year))
        as apps_missing_cost

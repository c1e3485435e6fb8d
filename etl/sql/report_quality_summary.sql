-- one row: counts the data-quality view reports (orphans, overlaps, rows set aside)
select
    (select coalesce(sum(usage_rows), 0) from stg_app_usage_months where is_orphan) as orphan_usage_rows,
    (select coalesce(sum(usage_rows), 0) from stg_app_usage_months where is_overlap) as overlap_usage_rows,
    (select count(*) from stg_certifications where is_orphan) as orphan_certifications,
    (select count(*) from stg_nominations where is_unknown_department) as unknown_department_nominations,
    (select count(distinct (file_name, sheet, row_number)) from row_issues where severity = 'quarantine')
        as quarantined_rows,
    (select count(*) from row_issues where severity = 'warning') as warnings

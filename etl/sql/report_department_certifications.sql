-- one row per department in fiscal year $fiscal_year: staff certified by level, and per 100 staff
with certs as (
    select
        dept_code,
        count(distinct staff_id) filter (where level = 'bronze') as bronze,
        count(distinct staff_id) filter (where level = 'silver') as silver,
        count(distinct staff_id) filter (where level = 'gold') as gold
    from stg_certifications
    where fiscal_year = $fiscal_year
    group by all
),

final as (
    select
        coverage.bureau_name,
        coverage.dept_code,
        coverage.dept_name,
        coverage.staff,
        coalesce(certs.bronze, 0) as bronze,
        coalesce(certs.silver, 0) as silver,
        coalesce(certs.gold, 0) as gold,
        round(
            (coalesce(certs.bronze, 0) + coalesce(certs.silver, 0) + coalesce(certs.gold, 0))
            * 100.0 / nullif(coverage.staff, 0),
            1
        ) as per_100
    from mart_department_coverage as coverage
    left join certs using (dept_code)
    where coverage.fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], coverage.bureau_name))
)

select * from final order by bureau_name is null, dept_code

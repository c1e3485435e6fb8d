-- one row per department in fiscal year $fiscal_year: leaders nominated and DX talent on its roster
select *
from mart_department_coverage
where fiscal_year = $fiscal_year
    and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
order by bureau_order, dept_code

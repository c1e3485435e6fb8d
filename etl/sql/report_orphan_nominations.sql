-- one row per nomination naming a department missing from the organisation list
select fiscal_year, dept_code, staff_id, level
from stg_nominations
where is_unknown_department
order by fiscal_year, dept_code, staff_id

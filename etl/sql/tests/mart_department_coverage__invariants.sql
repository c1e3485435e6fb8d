-- one row per department and year; counts never negative; DX talent never more than the staff
select fiscal_year, dept_code, count(*) as copies, min(leaders_nominated) as leaders, max(dx_talent - staff) as excess
from mart_department_coverage
group by all
having count(*) > 1 or min(leaders_nominated) < 0 or max(dx_talent - staff) > 0

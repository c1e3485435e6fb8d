-- one row per DX talent who has left by the end of $fiscal_year
select staff_id, name, dept_code, dept_name, bureau_name, silver_on, gold_on, left_on
from mart_dx_talent_people
where left_on is not null and left_on <= fiscal_year_end($fiscal_year)
    and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
order by left_on desc, staff_id

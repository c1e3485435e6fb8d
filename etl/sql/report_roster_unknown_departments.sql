-- one row per fiscal year and department code on the roster that the organisation list does not have
select roster.fiscal_year, roster.dept_code, count(*) as staff
from stg_staff as roster
where roster.dept_code not in (select dept_code from stg_organizations)
group by all
order by roster.fiscal_year, roster.dept_code

-- one row per bureau, in the fixed display order every page uses (bureau code, then name)
select bureau_name
from stg_organizations
where bureau_name <> ''
group by bureau_name
order by min(bureau_order), bureau_name

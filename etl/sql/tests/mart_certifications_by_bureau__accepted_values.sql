-- certifications by bureau: known levels only, counts add up to the certification list
select *
from mart_certifications_by_bureau
where level not in ('bronze', 'silver', 'gold') or certified <= 0
union all
select null, null, 'total', null, null, null
where (select sum(certified) from mart_certifications_by_bureau)
    <> (select count(*) from stg_certifications)

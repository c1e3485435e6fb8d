-- one row per person breaking a programme rule in fiscal year $fiscal_year, with the rule broken
with people as (
    select * from mart_programme_people
    where fiscal_year = $fiscal_year and level in ('silver', 'gold')
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
),

ever as (
    -- training and assignments in any year count: a Silver may have trained the year before
    select staff_id, level, bool_or(is_trained) as ever_trained, bool_or(is_submitted) as ever_submitted
    from mart_programme_people
    group by all
),

checks as (
    select 'certified_without_assignment' as rule, people.*
    from people
    inner join ever using (staff_id, level)
    where people.is_certified and people.level = 'silver' and not ever.ever_submitted
    union all
    select 'certified_without_session', people.*
    from people
    inner join ever using (staff_id, level)
    where people.is_certified and not ever.ever_trained
    union all
    select 'submitted_not_certified', people.*
    from people
    where people.is_submitted and not exists (
        select 1 from stg_certifications as certs
        where certs.staff_id = people.staff_id and certs.level = people.level
    )
    union all
    select 'nominated_not_trained', people.*
    from people
    where people.is_nominated and not people.is_trained
)

select rule, staff_id, name, dept_code, dept_name, bureau_name, level, certified_on
from checks
order by rule, bureau_name, dept_code, staff_id

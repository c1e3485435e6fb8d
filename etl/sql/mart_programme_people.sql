-- one row per staff member per level per fiscal year they took part: the steps of the funnel
with nominated as (
    select distinct fiscal_year, level, staff_id from stg_nominations
),

trained as (
    select distinct fiscal_year, level, staff_id
    from stg_training
    where coalesce(attendance, 'attended') = 'attended'
),

submitted as (
    select distinct fiscal_year, level, staff_id from stg_assignments
),

certified as (
    select fiscal_year, level, staff_id, certified_on from stg_certifications
),

people as (
    select fiscal_year, level, staff_id from nominated
    union
    select fiscal_year, level, staff_id from trained
    union
    select fiscal_year, level, staff_id from submitted
    union
    select fiscal_year, level, staff_id from certified
),

final as (
    select
        people.fiscal_year,
        people.level,
        people.staff_id,
        nominated.staff_id is not null as is_nominated,
        trained.staff_id is not null as is_trained,
        submitted.staff_id is not null as is_submitted,
        certified.staff_id is not null as is_certified,
        certified.certified_on,
        roster.dept_code,
        roster.dept_name,
        roster.bureau_name,
        roster.name
    from people
    left join nominated using (fiscal_year, level, staff_id)
    left join trained using (fiscal_year, level, staff_id)
    left join submitted using (fiscal_year, level, staff_id)
    left join certified using (fiscal_year, level, staff_id)
    left join stg_staff as roster
        on roster.staff_id = people.staff_id and roster.fiscal_year = people.fiscal_year
)

select * from final

-- one row per bureau and one for the whole city ($all): the e-learning service's adoption funnel as its
-- admins read it: licences -> joined -> enrolled in a course -> watched a first lecture. A person's bureau
-- is the one of their latest roster row; people by address are found through the roster (stg_elearning)
with licences as (
    select * from stg_elearning_users
),

learning as (
    select staff_id, bool_or(minutes > 0) as watched
    from stg_elearning
    group by staff_id
),

bureaus as (
    select staff_id, arg_max(bureau_name, fiscal_year) as bureau_name
    from stg_staff
    group by staff_id
),

people as (
    select
        coalesce(bureaus.bureau_name, unknown_group()) as bureau_name,
        licences.joined_on is not null or lower(licences.status) = 'active' as joined,
        learning.staff_id is not null as enrolled,
        coalesce(learning.watched, false) as watched
    from licences
    left join learning using (staff_id)
    left join bureaus using (staff_id)
),

final as (
    select
        case when grouping(bureau_name) = 1 then all_groups() else bureau_name end as bureau_name,
        count(*) as licences,
        count(*) filter (where joined) as joined,
        count(*) filter (where enrolled) as enrolled,
        count(*) filter (where watched) as first_lecture
    from people
    group by rollup (bureau_name)
)

select final.*
from final
left join stg_bureau_orders as orders using (bureau_name)
order by final.bureau_name = all_groups() desc, orders.bureau_order nulls last, final.bureau_name

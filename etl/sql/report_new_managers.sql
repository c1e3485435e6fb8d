-- one row per bureau in fiscal year $fiscal_year: staff newly in a manager position ($positions, the
-- settings' programme.manager_positions: in one this year, in none on last year's roster, or not on it) and
-- how many of them have attended the Bronze training (any session on or before the fiscal year's end)
with roster as (
    select fiscal_year, staff_id, bureau_name, list_contains($positions::varchar[], position) as is_manager
    from stg_staff
    where fiscal_year in ($fiscal_year, $fiscal_year - 1)
),

new_managers as (
    select this_year.staff_id, this_year.bureau_name
    from roster as this_year
    left join roster as last_year
        on last_year.staff_id = this_year.staff_id and last_year.fiscal_year = $fiscal_year - 1
    where this_year.fiscal_year = $fiscal_year
        and this_year.is_manager
        and not coalesce(last_year.is_manager, false)
        -- a manager in the first year of the roster has no year before to be new against
        and exists (select 1 from roster where fiscal_year = $fiscal_year - 1)
),

bronze as (
    select distinct staff_id
    from stg_training
    where level = 'bronze' and attendance = 'attended' and session_date <= fiscal_year_end($fiscal_year)
),

by_bureau as (
    select
        coalesce(new_managers.bureau_name, unknown_group()) as bureau_name,
        count(*) as new_managers,
        count(bronze.staff_id) as attended_bronze
    from new_managers
    left join bronze using (staff_id)
    group by all
)

select
    by_bureau.*,
    attended_bronze / new_managers as attended_share
from by_bureau
left join stg_bureau_orders as orders using (bureau_name)
order by orders.bureau_order nulls last, bureau_name

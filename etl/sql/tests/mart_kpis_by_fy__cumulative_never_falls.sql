-- cumulative DX talent and cumulative cost avoided never fall from one fiscal year to the next
select *
from (
    select
        fiscal_year,
        dx_talent_cumulative - lag(dx_talent_cumulative) over (order by fiscal_year) as talent_change,
        cost_avoided_cumulative_yen
        - lag(cost_avoided_cumulative_yen) over (order by fiscal_year) as cost_change
    from mart_kpis_by_fy
)
where talent_change < 0 or cost_change < 0

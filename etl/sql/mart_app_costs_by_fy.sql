-- one row per app per fiscal year ($fiscal_years, cut at $stock_cuts) once it has started: cost avoided so far
select
    app_costs.*,
    app_costs.cost_initial_yen + app_costs.cost_running_yen + app_costs.cost_maintenance_yen as cost_avoided_yen
from app_costs($fiscal_years, $stock_cuts) as app_costs

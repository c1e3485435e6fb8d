-- accepted values in the app register: minutes saved never negative, costs never negative
select *
from stg_apps
where minutes_saved_per_use < 0
    or initial_cost_yen < 0
    or annual_running_cost_yen < 0
    or annual_maintenance_cost_yen < 0

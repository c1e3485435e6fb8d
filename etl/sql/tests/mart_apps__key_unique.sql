-- one row per app, and an app is never last used before it was created
select app_id, count(*) from mart_apps group by app_id
having count(*) > 1 or min(last_used_on) < min(date_trunc('month', created_on))

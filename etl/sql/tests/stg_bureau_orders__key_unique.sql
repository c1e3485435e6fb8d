-- one row per bureau, and every bureau of the organisation list has its place
select bureau_name, 'duplicate' as problem from stg_bureau_orders group by bureau_name having count(*) > 1
union all
select distinct bureau_name, 'missing' from stg_organizations
where bureau_name not in (select bureau_name from stg_bureau_orders)

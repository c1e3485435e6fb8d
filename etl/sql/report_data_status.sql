-- one row: which dataset is loaded, when it was last loaded, and the latest date in the data
select
    (select value from meta where key = 'dataset') as dataset,
    (select value from meta where key = 'last_load_at') as last_load_at,
    (select max(latest_date) from mart_data_freshness) as latest_date

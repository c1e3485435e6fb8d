-- one row per kind of export: the latest date it holds and when it was last loaded
select * from mart_data_freshness order by kind

-- one row per e-learning row, none lost or added; a completion's year is the year of its date
select 'count' as problem from mart_learning_activity
having count(*) <> (select count(*) from stg_elearning)
union all
select 'completion year' from mart_learning_activity
where (completed_on is null) <> (completion_fiscal_year is null)

-- shared macros: the fiscal year (April-March) of a date
create or replace macro fiscal_year_of(d) as
    case when month(d) >= 4 then year(d) else year(d) - 1 end;
create or replace macro fiscal_year_end(fy) as make_date(fy + 1, 3, 31);

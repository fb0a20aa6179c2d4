-- tables: a
select 1;

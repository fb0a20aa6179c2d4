-- tables: b
select 1;

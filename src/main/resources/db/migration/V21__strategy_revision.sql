-- The strategy's revision: raised by every change that adds no row of its own (an import, an
-- evaluation's update, a new measure). With the newest measure, log row and rating it makes the
-- dashboard's ETag, so an unchanged strategy is answered 304 without being read.
alter table mu_strategy add column revision bigint default 0 not null;

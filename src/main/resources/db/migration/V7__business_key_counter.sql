-- The last number given to a generated business key (PREFIX-year-number), per prefix and year.
-- Taking a number locks its row until the start commits, so concurrent starts never share one.
create table mu_business_key_counter (
  prefix      varchar(40) not null,
  key_year    integer     not null,
  last_number integer     not null,
  primary key (prefix, key_year)
);

-- hankintalaki 15 §: a sidosyksikkö does at most 5 % and at most 500 000 euros of its business
-- with others than its owners. The euros are part of the in-house assessment (issue 35, T1).
alter table mu_transfer add column outside_turnover numeric(15, 2);

-- Review T2 (issue 35): a transfer's council decision can be appealed and its enforcement banned,
-- as a reform's: the first appeal, its court and the court's decision; the ban and its lifting; why
-- the board enforced the decision before it had legal force (kuntalaki 143 §).
alter table mu_transfer add column appeal_filed_on date;
alter table mu_transfer add column appeal_court varchar(255);
alter table mu_transfer add column appeal_outcome varchar(16);
alter table mu_transfer add column appeal_decided_on date;
alter table mu_transfer add column enforcement_banned_on date;
alter table mu_transfer add column enforcement_ban_lifted_on date;
alter table mu_transfer add column early_enforcement_reason varchar(1000);

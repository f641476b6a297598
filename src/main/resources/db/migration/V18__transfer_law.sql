-- Transfers in their legal order (issue 18): the arrangement (a new company, an existing company,
-- or a joining/funding agreement, which is no transfer of business); the in-house assessment
-- before the board's proposal (hankintalaki 15 §) and, when it fails, the path chosen; the
-- council decision's legality check, notice and appeal period; the filing for registration
-- within 3 months of signing (OYL 2:8) or the founding lapses. Portable: PostgreSQL and H2.
alter table mu_transfer add column arrangement varchar(32);
update mu_transfer set arrangement = case when new_company then 'NEW_COMPANY' else 'EXISTING_COMPANY' end;
alter table mu_transfer alter column arrangement set not null;
alter table mu_transfer drop column new_company;
-- in_house is now the assessment's result: null until assessed (the start's claim is not one)
alter table mu_transfer alter column in_house drop not null;
update mu_transfer set in_house = null where ownership_share is null;
alter table mu_transfer add column business_with_owners numeric(5, 2);
alter table mu_transfer add column private_capital boolean;
alter table mu_transfer add column in_house_reasons varchar(2000);
alter table mu_transfer add column council_decision_on date;
alter table mu_transfer add column legality_checked_on date;
alter table mu_transfer add column appeal_ends_on date;
alter table mu_transfer add column registration_filed_on date;

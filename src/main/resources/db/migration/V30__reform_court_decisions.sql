-- Which court decided a reform's appeals, and until when an administrative court's decision can be
-- appealed to the KHO (issue 35, R1): an HaO annulment is not final until then.
alter table mu_reform_appeal add column decision_court varchar(8);
alter table mu_reform_appeal add column further_appeal_ends_on date;

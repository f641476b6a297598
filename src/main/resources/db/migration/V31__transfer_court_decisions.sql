-- Which court decided a transfer's appeal, and until when an administrative court's decision can be
-- appealed to the KHO (issue 35, R1 and T2): an HaO annulment is not final until then.
alter table mu_transfer add column appeal_decision_court varchar(8);
alter table mu_transfer add column further_appeal_ends_on date;

-- AKL 65 §: a reminder (muistutus) can be filed only while the proposal is on display; what
-- arrives outside the display is kept as a late submission, shown, not counted as a reminder.
alter table mu_zoning_plan add column late_submissions int default 0 not null;

-- Ryhti's lifecycle codes: a plan the approving body rejected is 16 Hylätty and a plan a court
-- annulled 14 Kumoutunut; both were recorded as 15 Rauennut (LAPSED) with the outcome saying which.
update mu_case_stage set stage = 'REJECTED'
  where stage = 'LAPSED' and business_key in
    (select business_key from mu_case where process_key = 'zoningPlan' and outcome = 'REJECTED');
update mu_case_stage set stage = 'ANNULLED'
  where stage = 'LAPSED' and business_key in
    (select business_key from mu_case where process_key = 'zoningPlan' and outcome = 'ANNULLED');
update mu_case set stage = 'REJECTED'
  where process_key = 'zoningPlan' and stage = 'LAPSED' and outcome = 'REJECTED';
update mu_case set stage = 'ANNULLED'
  where process_key = 'zoningPlan' and stage = 'LAPSED' and outcome = 'ANNULLED';

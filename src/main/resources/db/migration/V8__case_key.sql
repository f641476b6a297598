-- Every case's business key, once across all processes (a plan cannot take a reform's key), with
-- the process it belongs to. Written in the start's transaction by the process-level start
-- listener (fi.muutos.cases.CaseKeys).
create table mu_case_key (
  business_key         varchar(64)  not null primary key,
  process_key          varchar(255) not null,
  process_instance_id  varchar(64)  not null,
  created_at           timestamp with time zone not null
);

insert into mu_case_key (business_key, process_key, process_instance_id, created_at)
  select business_key, 'zoningPlan', coalesce(process_instance_id, ''), created_at from mu_zoning_plan;
insert into mu_case_key (business_key, process_key, process_instance_id, created_at)
  select business_key, 'organisationReform', coalesce(process_instance_id, ''), created_at from mu_reform
  where business_key not in (select business_key from mu_case_key);
insert into mu_case_key (business_key, process_key, process_instance_id, created_at)
  select business_key, 'serviceTransfer', coalesce(process_instance_id, ''), created_at from mu_transfer
  where business_key not in (select business_key from mu_case_key);
insert into mu_case_key (business_key, process_key, process_instance_id, created_at)
  select business_key, 'strategyEvaluation', coalesce(process_instance_id, ''), created_at from mu_eval
  where business_key not in (select business_key from mu_case_key);

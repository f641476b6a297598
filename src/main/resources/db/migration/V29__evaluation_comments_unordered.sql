-- Issue 35 (E2): a survey comment is stored under a random key, not an identity column whose order
-- would follow the completions (and so the respondents). Comments written before this release stay
-- in mu_eval_answer; both are read together, shuffled, only after the survey has closed.
create table mu_eval_comment (
  id                varchar(36)   primary key,
  eval_id           bigint        not null references mu_eval (id),
  respondent_group  varchar(64)   not null,
  target            varchar(16)   not null,
  item_code         varchar(64)   not null,
  comment           varchar(2000) not null
);
create index mu_eval_comment_eval on mu_eval_comment (eval_id);

-- Integrity by allowlist (issue 31). Portable: PostgreSQL and H2.

-- Who added each task attachment: the engine keeps no author, and only the author may change or
-- delete one. Attachments added before this release have no row: only an administrator may
-- change or delete those.
create table mu_attachment_author (
  attachment_id  varchar(64)   primary key,
  user_id        varchar(255)  not null,
  created_at     timestamp with time zone not null
);

-- A record number (diaarinumero) belongs to one case, so an event addressed by it reaches that
-- case or none. A number that several cases shared before this release stays on the oldest of
-- them; each later case keeps it with its own key appended, "HEI/1/2026 (KAAVA-2026-007)", so
-- nothing is lost and the registry sees which cases to correct.
alter table mu_case alter column record_number set data type varchar(140);
update mu_case set record_number = record_number || ' (' || business_key || ')'
  where record_number is not null
    and exists (
      select 1 from mu_case older
      where older.record_number = mu_case.record_number
        and (older.created_at < mu_case.created_at
          or (older.created_at = mu_case.created_at and older.business_key < mu_case.business_key)));
create unique index mu_case_record_number on mu_case (record_number);

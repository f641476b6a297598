-- An event sent again with the same (source, id) but other content: not accepted (409), kept here
-- for an administrator to look at (GET /api/events/conflicts).
create table mu_event_conflict (
  id           varchar(36)   not null primary key,
  source       varchar(500)  not null,
  event_id     varchar(500)  not null,
  sender       varchar(255)  not null,
  cloud_event  text          not null,
  received_at  timestamp with time zone not null
);
create index mu_event_conflict_received on mu_event_conflict (received_at);

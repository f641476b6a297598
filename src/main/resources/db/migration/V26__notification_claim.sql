-- The reminders' ledger is a work queue like the inbox and the Ryhti outbox (ADR 0055): a node
-- takes a mail with a claim that runs out, instead of a SENDING state whose lease was the next
-- attempt's time. A mail left SENDING by a node that stopped is due again.
alter table mu_notification add column claimed_until timestamp with time zone;
update mu_notification set state = 'RETRY' where state = 'SENDING';

-- Housekeeping deletes, in batches, what the shop no longer needs. These indexes let each batch find its rows without
-- reading the whole table; without them every round scans tables that only grow between rounds.
--
-- refresh_tokens: a family is dead once every token in it has expired, or its session reached its max age. Candidates
-- are the expired tokens (every token of a dead family is one); the family check uses refresh_tokens_family_idx.
create index refresh_tokens_expires_idx on refresh_tokens (expires_at);
create index refresh_tokens_session_started_idx on refresh_tokens (session_started_at);

-- Handled payment events are remembered for a retention (longer than the provider's redeliveries), then deleted.
create index processed_payment_events_processed_idx on processed_payment_events (processed_at);

-- Checkout keys answer replays for a retention (a day by default), then go.
create index idempotency_keys_created_idx on idempotency_keys (created_at);

-- Sent mail is deleted after a retention; unsent mail is never, so only sent rows are indexed.
create index mail_outbox_sent_idx on mail_outbox (sent_at) where sent_at is not null;

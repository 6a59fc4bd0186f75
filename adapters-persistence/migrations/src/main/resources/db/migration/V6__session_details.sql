-- Sessions their owner can see and end.
--
-- user_agent: the client that logged in, as its User-Agent header said (control characters blanked, at most 256
-- characters, null when it said nothing). Successors keep it. Nothing recorded it before, so existing tokens get null.
-- The last use of a session needs no column: every refresh inserts a token, so it is the newest token's created_at.
alter table refresh_tokens
    add column user_agent text check (user_agent is null or length(user_agent) <= 256);

-- A session's tokens are listed and revoked per user and family.
create index refresh_tokens_user_family_idx on refresh_tokens (user_id, family_id);

-- Erasure cancels the mail still waiting for the old address.
create index mail_outbox_unsent_recipient_idx on mail_outbox (recipient) where sent_at is null;

-- Accounts that recover: password resets, address verification and address changes.
--
-- users.email_verified: whether the owner proved the address by following a link mailed to it. Existing accounts
-- proved nothing, so they start unverified.
alter table users
    add column email_verified boolean not null default false;

-- account_tokens: the single-use secrets the shop mails. Only the SHA-256 of the raw token is kept (token_hash), so a
-- leaked table opens no account. A token works once (used_at set by a conditional update: of two confirms, one wins)
-- and until expires_at; new_email is the address an EMAIL_CHANGE token moves the account to, and only such a token has
-- one. A deleted account takes its tokens with it: they are worth nothing without it.
create table account_tokens (
    id         uuid        primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    kind       text        not null check (kind in ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'EMAIL_CHANGE')),
    token_hash char(64)    not null unique,
    new_email  text        check (new_email is null or (new_email = lower(new_email) and new_email = btrim(new_email)
                                                         and length(new_email) <= 254)),
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null,
    check (expires_at > created_at),
    check ((kind = 'EMAIL_CHANGE') = (new_email is not null))
);
-- A reset or a move voids every other unused token of the user.
create index account_tokens_user_unused_idx on account_tokens (user_id) where used_at is null;
-- Housekeeping deletes tokens once expired or used.
create index account_tokens_expires_idx on account_tokens (expires_at);
create index account_tokens_used_idx on account_tokens (used_at) where used_at is not null;

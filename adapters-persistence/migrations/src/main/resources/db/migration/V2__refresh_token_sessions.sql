-- Sessions that end, and two tabs that refresh at once.
--
-- session_started_at: the login time of the token's session. Successors keep it, so no session outlives its maximum
-- age however often it is refreshed. Existing tokens get the creation time of the oldest token of their family, which
-- is the login that started it (every refresh adds a younger token to the family).
--
-- rotated_at: when a refresh replaced the token. Only such a token may be presented again within the reuse grace; a
-- token revoked by logout, password change or deactivation has none. Existing revoked tokens get none: nothing
-- recorded why they were revoked, so they keep counting as reuse.

alter table refresh_tokens
    add column session_started_at timestamptz,
    add column rotated_at         timestamptz;

update refresh_tokens t
set session_started_at = f.started
from (select family_id, min(created_at) as started from refresh_tokens group by family_id) f
where t.family_id = f.family_id;

alter table refresh_tokens
    alter column session_started_at set not null,
    add constraint refresh_tokens_session_started_check check (session_started_at <= created_at),
    add constraint refresh_tokens_rotated_check check (rotated_at is null or revoked);

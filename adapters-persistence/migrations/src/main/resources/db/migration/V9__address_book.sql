-- The customer's address book.
--
-- addresses: the entries of each account's book, at most 20 per account (counted by the application under the
-- account's row lock, so concurrent adds cannot pass it). The checks repeat the domain's bounds, so no other writer
-- can store what the shop would refuse: text trimmed and non-blank, optional parts null rather than empty, the
-- country an upper-case two-letter code (the application checks it is an ISO 3166-1 one). seq keeps the order the
-- entries were saved in when two share created_at. An erased account's entries are deleted with the erasure; a
-- deleted account takes them with it. Orders never point here: each keeps its own copy of the address.
create table addresses (
    id          uuid        primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    seq         bigint      generated always as identity,
    name        text        not null check (name = btrim(name) and length(name) between 1 and 100),
    line1       text        not null check (line1 = btrim(line1) and length(line1) between 1 and 200),
    line2       text        check (line2 = btrim(line2) and length(line2) between 1 and 200),
    city        text        not null check (city = btrim(city) and length(city) between 1 and 100),
    postal_code text        not null check (postal_code = btrim(postal_code) and length(postal_code) between 1 and 20),
    region      text        check (region = btrim(region) and length(region) between 1 and 100),
    country     text        not null check (country ~ '^[A-Z]{2}$'),
    phone       text        check (phone = btrim(phone) and length(phone) between 1 and 30),
    created_at  timestamptz not null
);
-- An account's book, oldest first, straight from the index.
create index addresses_user_idx on addresses (user_id, created_at, seq);

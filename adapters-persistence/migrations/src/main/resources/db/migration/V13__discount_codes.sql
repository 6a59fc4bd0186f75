-- Discount codes, their redemptions, the code a cart has applied and the code an order was placed with.
--
-- discount_codes: code is stored upper-case (codes are compared case-insensitively), so the unique key makes two codes
-- that differ only in case impossible. kind PERCENT takes value per cent of the goods (1..100); kind AMOUNT takes value
-- cents, never more than the goods. The optional limits: min_subtotal_cents (the goods must cost at least this),
-- starts_at/ends_at (valid from starts_at, inclusive, until ends_at, exclusive), max_redemptions in all and
-- max_per_customer for one account. times_redeemed counts the code's rows in discount_redemptions: a checkout locks
-- the code's row, checks the limits, inserts its redemption and adds one here in its transaction, and a give-back
-- deletes the redemption and takes one away, so concurrent checkouts never redeem a code beyond its limits (and, as
-- every redemption writes the row, a transaction that read it before another's redemption cannot act on stale counts).
create table discount_codes (
    id                 uuid        primary key,
    code               text        not null unique check (code ~ '^[A-Z0-9_-]{1,40}$'),
    kind               text        not null check (kind in ('PERCENT', 'AMOUNT')),
    value              bigint      not null check (value > 0),
    min_subtotal_cents bigint      check (min_subtotal_cents >= 0),
    starts_at          timestamptz,
    ends_at            timestamptz,
    max_redemptions    integer     check (max_redemptions >= 1),
    max_per_customer   integer     check (max_per_customer >= 1),
    active             boolean     not null,
    times_redeemed     integer     not null default 0 check (times_redeemed >= 0),
    created_at         timestamptz not null,
    check (kind <> 'PERCENT' or value <= 100),
    check (starts_at is null or ends_at is null or starts_at < ends_at)
);

-- discount_redemptions: one row per order placed with a code, naming the account that placed it (the per-customer
-- limit counts account ids, so changing the email resets nothing). The row of an order that fails or is cancelled is
-- deleted in that transaction: the redemption is given back. An order has at most one.
create table discount_redemptions (
    order_id    uuid        primary key references orders (id),
    code_id     uuid        not null references discount_codes (id),
    customer_id uuid        not null references users (id),
    redeemed_at timestamptz not null
);
create index discount_redemptions_code_customer_idx on discount_redemptions (code_id, customer_id);

-- The code a cart has applied: re-checked whenever the cart is shown or checked out, so it is the code's text, not a
-- reference; a code that stopped being valid simply takes nothing off.
alter table carts add column discount_code text check (length(discount_code) between 1 and 40);
alter table guest_carts add column discount_code text check (length(discount_code) between 1 and 40);

-- The code an order was placed with, beside discount_cents (what it took off), kept as it was.
alter table orders add column discount_code text check (length(discount_code) between 1 and 40);

-- Carts for shoppers not signed in.
--
-- guest_carts: one per token handed out by POST /carts, found by the token's SHA-256 (lower-case hex); the raw token
-- is never stored, so a copy of this table opens no cart. last_used_at moves on every use of the token; a cart idle
-- for longer than GUEST_CART_TTL is refused and then deleted by housekeeping, oldest first from the index. A login or
-- signup that merges the cart into an account deletes it in the merge's transaction. updated_at is when the lines
-- last changed, which the cart view shows.
create table guest_carts (
    token_hash   text        primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    last_used_at timestamptz not null
);
create index guest_carts_last_used_idx on guest_carts (last_used_at);

-- guest_cart_items: the lines, as cart_items are for an account's cart; they go with their cart. A book is never
-- deleted (it is withdrawn), so the reference to it holds nothing back.
create table guest_cart_items (
    token_hash text    not null references guest_carts (token_hash) on delete cascade,
    product_id uuid    not null references products (id),
    quantity   integer not null check (quantity >= 1),
    -- Keeps the lines in the order the shopper added them.
    position   integer not null,
    primary key (token_hash, product_id)
);
create index guest_cart_items_product_idx on guest_cart_items (product_id);

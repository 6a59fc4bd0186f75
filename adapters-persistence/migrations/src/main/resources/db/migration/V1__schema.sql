-- The Bookshop schema. Every rule the database can hold is written here as a constraint, so that no code path
-- (and no concurrent race between two code paths) can break it. Money is bigint cents; times are timestamptz (UTC
-- instants); ids are UUIDs chosen by the application.

-- Accounts -----------------------------------------------------------------------------------------------------------

create table users (
    id            uuid        primary key,
    -- The domain trims and lower-cases; the check makes sure nothing else ever writes a mixed-case address.
    email         text        not null check (email = lower(email) and email = btrim(email) and length(email) <= 254),
    password_hash text        not null,
    role          text        not null check (role in ('USER', 'ADMIN')),
    active        boolean     not null default true,
    created_at    timestamptz not null
);
-- Unique on lower(email) rather than on email: the guarantee stays case-insensitive even if a writer forgot to fold.
create unique index users_email_lower_key on users (lower(email));
create index users_created_at_idx on users (created_at, id);
create index users_active_admins_idx on users (id) where role = 'ADMIN' and active;

create table refresh_tokens (
    id         uuid        primary key,
    user_id    uuid        not null references users (id),
    family_id  uuid        not null,
    token_hash char(64)    not null unique,
    expires_at timestamptz not null,
    revoked    boolean     not null default false,
    created_at timestamptz not null,
    check (expires_at > created_at)
);
create index refresh_tokens_user_idx on refresh_tokens (user_id);
create index refresh_tokens_family_idx on refresh_tokens (family_id);

-- Catalogue ----------------------------------------------------------------------------------------------------------

create table categories (
    id   uuid primary key,
    slug text not null unique,
    name text not null
);

create table products (
    id          uuid        primary key,
    slug        text        not null unique,
    title       text        not null,
    author      text        not null,
    series      text,
    description text,
    isbn        text,
    price_cents bigint      not null check (price_cents > 0),
    stock       integer     not null check (stock >= 0),
    active      boolean     not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    -- 'simple' rather than 'english': titles, authors and series are names in many languages ("Harry Potter",
    -- "Der Hobbit", "It"), which English stemming and stop words would mangle or drop; 'simple' only lower-cases,
    -- so every word of a name is findable as written. A title or author match outranks series, then description.
    search_vector tsvector generated always as (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(author, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(series, '')), 'B')
        || setweight(to_tsvector('simple', coalesce(description, '')), 'C')
    ) stored
);
create index products_search_idx on products using gin (search_vector);
-- The listing's filters (series and author match whole values, ignoring case) and its sorts; every sort ends on id.
-- Titles sort case-insensitively, then by code point ("C"), so the order does not hang on the server's locale and
-- matches the other adapters.
create index products_series_lower_idx on products (lower(series));
create index products_author_lower_idx on products (lower(author));
create index products_price_idx on products (price_cents, id);
create index products_created_at_idx on products (created_at desc, id);
create index products_title_idx on products ((lower(title) collate "C"), (title collate "C"), id);

create table product_categories (
    product_id  uuid not null references products (id) on delete cascade,
    category_id uuid not null references categories (id) on delete cascade,
    primary key (product_id, category_id)
);
create index product_categories_category_idx on product_categories (category_id);

-- Carts --------------------------------------------------------------------------------------------------------------

create table carts (
    id         uuid        primary key default gen_random_uuid(),
    user_id    uuid        not null unique references users (id),
    updated_at timestamptz not null
);

create table cart_items (
    cart_id    uuid    not null references carts (id) on delete cascade,
    product_id uuid    not null references products (id),
    quantity   integer not null check (quantity >= 1),
    -- Keeps the lines in the order the customer added them.
    position   integer not null,
    primary key (cart_id, product_id)
);
create index cart_items_product_idx on cart_items (product_id);

-- Orders -------------------------------------------------------------------------------------------------------------
-- No foreign key into or out of orders cascades: an order and its items outlive users and products.

create table orders (
    id                 uuid        primary key,
    user_id            uuid        not null references users (id),
    total_amount_cents bigint      not null check (total_amount_cents >= 0),
    currency           char(3)     not null,
    status             text        not null check (status in ('PENDING', 'PAID', 'FAILED')),
    payment_reference  text,
    created_at         timestamptz not null,
    paid_at            timestamptz,
    check (status <> 'PAID' or paid_at is not null)
);
create unique index orders_payment_reference_key on orders (payment_reference) where payment_reference is not null;
create index orders_user_created_idx on orders (user_id, created_at desc, id);
create index orders_created_idx on orders (created_at desc, id);
-- The expiry sweep looks for old PENDING orders.
create index orders_status_created_idx on orders (status, created_at);

create table order_items (
    order_id                  uuid    not null references orders (id),
    position                  integer not null,
    -- Nullable: the snapshot stays when the book is gone.
    product_id                uuid    references products (id) on delete set null,
    title_snapshot            text    not null,
    unit_price_snapshot_cents bigint  not null check (unit_price_snapshot_cents >= 0),
    quantity                  integer not null check (quantity >= 1),
    primary key (order_id, position)
);
create index order_items_product_idx on order_items (product_id);

create table order_events (
    id       bigserial   primary key,
    -- Deferred so that an event may be written in the same transaction before the order row it belongs to.
    order_id uuid        not null references orders (id) deferrable initially deferred,
    type     text        not null,
    detail   text        not null default '',
    at       timestamptz not null
);
create index order_events_order_idx on order_events (order_id, at, id);

create table idempotency_keys (
    user_id             uuid        not null references users (id),
    key                 text        not null check (length(key) between 1 and 255),
    request_fingerprint text        not null,
    -- Deferred: checkout claims the key before it writes the order the key points at.
    order_id            uuid        not null references orders (id) deferrable initially deferred,
    created_at          timestamptz not null,
    primary key (user_id, key)
);

create table processed_payment_events (
    provider     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (provider, event_id)
);

-- Mail ---------------------------------------------------------------------------------------------------------------

create table mail_outbox (
    id              uuid        primary key,
    dedupe_key      text        not null unique,
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    sent_at         timestamptz,
    last_error      text
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;

-- Catalogue lists that cost the same at a million books as at a thousand.
--
-- A category list sorted by title (or price, or newest) used to find its books with an EXISTS over product_categories
-- and then sort every one of them: at a million books a large shelf meant reading and sorting a hundred thousand rows
-- for a page of twenty. Here each shelf row carries the sort keys of its book, so a category page is read straight from
-- a (category_id, sort keys, product_id) index, at any depth through keyset (cursor) paging.
--
-- Copied keys (all NOT NULL, kept equal to the book's by the triggers below, never written by the application):
--   active       products.active
--   in_stock     products.stock > 0
--   price_cents  products.price_cents
--   title_key    lower(products.title), compared in "C" (code point) order, as products_title_idx
--   title        products.title in "C" order: the tie-break between titles that differ only in case
--   created_at   products.created_at
-- The application inserts shelf rows with (product_id, category_id) only; the BEFORE INSERT trigger fills the rest.
-- The AFTER UPDATE trigger on products runs only when a copied key changes; checkout's stock decrement therefore
-- touches product_categories only when a book sells out or comes back (stock crossing zero).

alter table product_categories
    add column active      boolean,
    add column in_stock    boolean,
    add column price_cents bigint,
    add column title_key   text collate "C",
    add column title       text collate "C",
    add column created_at  timestamptz;

update product_categories pc
   set active = p.active,
       in_stock = p.stock > 0,
       price_cents = p.price_cents,
       title_key = lower(p.title),
       title = p.title,
       created_at = p.created_at
  from products p
 where p.id = pc.product_id;

alter table product_categories
    alter column active set not null,
    alter column in_stock set not null,
    alter column price_cents set not null,
    alter column title_key set not null,
    alter column title set not null,
    alter column created_at set not null;

create function product_categories_copy_keys() returns trigger
    language plpgsql as $$
begin
    select p.active, p.stock > 0, p.price_cents, lower(p.title), p.title, p.created_at
      into new.active, new.in_stock, new.price_cents, new.title_key, new.title, new.created_at
      from products p
     where p.id = new.product_id;
    return new;
end
$$;

create trigger product_categories_copy_keys
    before insert on product_categories
    for each row execute function product_categories_copy_keys();

create function products_share_keys() returns trigger
    language plpgsql as $$
begin
    update product_categories
       set active = new.active,
           in_stock = new.stock > 0,
           price_cents = new.price_cents,
           title_key = lower(new.title),
           title = new.title,
           created_at = new.created_at
     where product_id = new.id;
    return null;
end
$$;

create trigger products_share_keys
    after update of active, stock, price_cents, title, created_at on products
    for each row
    when (old.active is distinct from new.active
          or (old.stock > 0) is distinct from (new.stock > 0)
          or old.price_cents is distinct from new.price_cents
          or old.title is distinct from new.title
          or old.created_at is distinct from new.created_at)
    execute function products_share_keys();

-- One index per shop sort, each ending on product_id as every sort does; only active books are ever listed by shelf.
create index product_categories_title_idx
    on product_categories (category_id, title_key, title, product_id) where active;
create index product_categories_title_desc_idx
    on product_categories (category_id, title_key desc, title desc, product_id) where active;
create index product_categories_price_idx
    on product_categories (category_id, price_cents, product_id) where active;
create index product_categories_price_desc_idx
    on product_categories (category_id, price_cents desc, product_id) where active;
create index product_categories_newest_idx
    on product_categories (category_id, created_at desc, product_id) where active;

-- The unfiltered shop lists' descending orders (ascending ones have their V1 indexes); still ending on id ascending.
create index products_title_desc_idx on products ((lower(title) collate "C") desc, (title collate "C") desc, id);
create index products_price_desc_idx on products (price_cents desc, id);
-- A bounded count of active books in a price range reads only this index (index-only scan), not the table.
create index products_active_price_idx on products (price_cents) where active;

-- Bounded totals (exact up to 10,000) that read an index and never the table.
--
-- A list's total counts at most 10,001 matching books. At a million books most filters match more than that, so the
-- count reads its full 10,001; it is cheap only when every condition it checks is in the index it scans and the count
-- can be answered from the index alone (an index-only scan, which the visibility map allows once autovacuum has seen
-- the pages). Before this, "in stock" was checked against the table: a shelf count in stock under a price read 11,000
-- table pages for 10,001 rows, and the whole shop's in-stock count scanned the table.
--
-- products.in_stock is kept by PostgreSQL from the stock. An index on it, unlike one on "stock > 0", changes only
-- when a book sells out or comes back, so a checkout's stock decrement can still update the row in place (a HOT
-- update) without touching any index.
alter table products add column in_stock boolean generated always as (stock > 0) stored;

-- The whole shop's in-stock books, by price: counts with or without a price range, read from the index.
create index products_available_price_idx on products (price_cents) where active and in_stock;

-- A shelf's books with their stock flag and price: every shelf count (all, in stock, a price range, both) reads a
-- range of this index.
create index product_categories_count_idx on product_categories (category_id, in_stock, price_cents) where active;

-- Each book carries the ids of its shelves, so the shelf facet counts them from the candidate rows it already read
-- instead of looking up 10,000 books' shelf rows one by one (30,000 index pages at a million books). Kept by the
-- trigger below from product_categories, which stays the truth the lists and filters read. The trigger appends and
-- removes on the row it locks, never recomputes from a snapshot, so two transactions linking one book to two shelves
-- at once both land.
alter table products add column category_ids uuid[] not null default '{}';

update products p
   set category_ids = linked.ids
  from (select product_id, array_agg(category_id order by category_id) as ids
          from product_categories group by product_id) linked
 where linked.product_id = p.id;

create function products_keep_category_ids() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update products set category_ids = array_append(category_ids, new.category_id) where id = new.product_id;
    else
        update products set category_ids = array_remove(category_ids, old.category_id) where id = old.product_id;
    end if;
    return null;
end
$$;

create trigger products_keep_category_ids
    after insert or delete on product_categories
    for each row execute function products_keep_category_ids();

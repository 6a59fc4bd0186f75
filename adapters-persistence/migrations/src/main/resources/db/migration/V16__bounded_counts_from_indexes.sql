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

-- The plans of the statements the benchmark's hot paths send, as the jOOQ adapter renders them (copied from the
-- PostgreSQL statement log; list and search queries carry their values inline, the others' bind values are filled
-- in). bench/run.sh runs this with psql against the seeded database after the load:
-- psql -v category=<slug> -f bench/explain.sql. Writes are rolled back.
\pset pager off
\timing off
-- What the shop's connections set (bootstrap Database: the catalogue lives in memory).
set random_page_cost = 1.1;

\echo '=== product list: first page of the whole shop, by title (the ids of the page, read through the index)'
explain (analyze, buffers)
select "products"."id" from "products" where "products"."active" = true
order by (lower("products"."title") collate "C") asc, ("products"."title" collate "C") asc, "products"."id" asc
offset 0 rows fetch next 20 rows only;

\echo '=== product list: one category, in stock, under a price, by price descending, page 3 (the ids of the page)'
explain (analyze, buffers)
select "products"."id" from "products"
where ("products"."active" = true
  and exists (select 1 as "one" from "product_categories"
              join "categories" on "categories"."id" = "product_categories"."category_id"
              where ("product_categories"."product_id" = "products"."id" and "categories"."slug" = :'category'))
  and "products"."price_cents" <= 3000 and "products"."stock" > 0)
order by "products"."price_cents" desc, "products"."id" asc
offset 40 rows fetch next 20 rows only;

\echo '=== the books of a page, read fresh on every request (stock, active flag, update time; the rest is kept)'
select '{' || string_agg(id::text, ',') || '}' as page_ids
from (select id from products where active order by lower(title) collate "C", title collate "C", id limit 20) as page \gset
explain (analyze, buffers)
select "products"."id", "products"."stock", "products"."active", "products"."updated_at" from "products"
where "products"."id" = any (cast(:'page_ids' as uuid[])) order by "products"."id" asc;

\echo '=== product list: the total of a full in-stock page (counted when the page is full and the total not known)'
explain (analyze, buffers)
select count(*) from "products" where ("products"."active" = true and "products"."stock" > 0);

\echo '=== search: one common title word, ranked, first page with its total (the ids of the page)'
explain (analyze, buffers)
select "products"."id", count(*) over () as "total_count"
from "products"
where ("products"."active" = true
  and "products"."search_vector" @@ websearch_to_tsquery('simple'::regconfig, 'shadow'))
order by ts_rank("products"."search_vector", websearch_to_tsquery('simple'::regconfig, 'shadow')) desc,
  (lower("products"."title") collate "C") asc, ("products"."title" collate "C") asc, "products"."id" asc
offset 0 rows fetch next 20 rows only;

\echo '=== checkout (in a transaction that is rolled back), for a buyer whose cart is still there'
select c.user_id as buyer, c.id as cart
from carts c join users u on u.id = c.user_id
where u.email like 'buyer-%' order by u.email desc limit 1 \gset
select '{' || string_agg(product_id::text, ',') || '}' as books from cart_items where cart_id = :'cart' \gset
begin;
\echo '--- lock (or create) the cart'
explain (analyze, buffers)
insert into "carts" ("user_id", "updated_at") values (:'buyer', now())
on conflict ("user_id") do update set "updated_at" = "carts"."updated_at"
returning "carts"."id", "carts"."user_id", "carts"."updated_at";
\echo '--- its lines'
explain (analyze, buffers)
select "cart_items"."cart_id", "cart_items"."product_id", "cart_items"."quantity", "cart_items"."position"
from "cart_items" where "cart_items"."cart_id" = :'cart' order by "cart_items"."position";
\echo '--- the books: their stock, active flag and update time (the rest is kept in the server)'
explain (analyze, buffers)
select "products"."id", "products"."stock", "products"."active", "products"."updated_at" from "products"
where "products"."id" = any (cast(:'books' as uuid[])) order by "products"."id" asc;
\echo '--- take the stock of one line (conditional: never below zero)'
select product_id as book from cart_items where cart_id = :'cart' order by product_id limit 1 \gset
explain (analyze, buffers)
update "products" set "stock" = ("products"."stock" - 1)
where ("products"."id" = :'book' and "products"."stock" >= 1);
\echo '--- the order'
explain (analyze, buffers)
insert into "orders" ("id", "user_id", "total_amount_cents", "currency", "status", "payment_reference", "created_at", "paid_at")
values (gen_random_uuid(), :'buyer', 1999, 'EUR', 'PENDING', null, now(), null);
\echo '--- the cart goes'
explain (analyze, buffers)
delete from "carts" where "carts"."user_id" = :'buyer';
rollback;

-- The plans of the statements the benchmark's hot paths send, as the jOOQ adapter renders them (copied from the
-- PostgreSQL statement log; list and search queries carry their values inline, the others' bind values are filled
-- in). bench/run.sh runs this with psql against the seeded database after the load:
-- psql -v category=<slug> -f bench/explain.sql. Writes are rolled back.
\pset pager off
\timing off
-- What the shop's connections set (bootstrap Database).
set random_page_cost = 1.1;

\echo '=== product list: first page of the whole shop, by title (one more row than the page says whether more follow)'
explain (analyze, buffers)
select "products"."id", (("products"."title") collate "C"), "products"."price_cents", "products"."created_at"
from "products" where "products"."active" = true
order by ((lower("products"."title")) collate "C") asc, (("products"."title") collate "C") asc, "products"."id" asc
offset 0 rows fetch next 21 rows only;

\echo '=== product list: a cursor page deep in the shop, by title (a book past the middle of the catalogue)'
select title as after_title, id as after_id from products where active
order by lower(title) collate "C", title collate "C", id offset (select count(*) / 2 from products) limit 1 \gset
explain (analyze, buffers)
select "products"."id", (("products"."title") collate "C"), "products"."price_cents", "products"."created_at"
from "products"
where ("products"."active" = true
  and (((lower("products"."title")) collate "C"), (("products"."title") collate "C"), "products"."id")
      > (((lower(:'after_title')) collate "C"), ((:'after_title') collate "C"), cast(:'after_id' as uuid)))
order by ((lower("products"."title")) collate "C") asc, (("products"."title") collate "C") asc, "products"."id" asc
offset 0 rows fetch next 51 rows only;

\echo '=== product list: in stock, newest first, with its bounded total'
explain (analyze, buffers)
select "products"."id", (("products"."title") collate "C"), "products"."price_cents", "products"."created_at"
from "products" where ("products"."active" = true and "products"."in_stock" = true)
order by "products"."created_at" desc, "products"."id" asc offset 0 rows fetch next 21 rows only;
explain (analyze, buffers)
select count(*) from (select 1 as "one" from "products" where ("products"."active" = true and "products"."in_stock" = true)
fetch next 10001 rows only) as "matching";

\echo '=== product list: one shelf, in stock, under a price, by price descending, page 3, and its bounded total'
explain (analyze, buffers)
select "product_categories"."product_id", "product_categories"."title", "product_categories"."price_cents",
  "product_categories"."created_at"
from "product_categories"
where ("product_categories"."category_id" = (select "categories"."id" from "categories" where "categories"."slug" = :'category')
  and "product_categories"."active" = true and "product_categories"."price_cents" <= 3000
  and "product_categories"."in_stock" = true)
order by "product_categories"."price_cents" desc, "product_categories"."product_id" asc offset 40 rows fetch next 21 rows only;
explain (analyze, buffers)
select count(*) from (select 1 as "one" from "product_categories"
  where ("product_categories"."category_id" = (select "categories"."id" from "categories" where "categories"."slug" = :'category')
    and "product_categories"."active" = true and "product_categories"."price_cents" <= 3000
    and "product_categories"."in_stock" = true)
  fetch next 10001 rows only) as "matching";

\echo '=== the books of a page, read fresh on every request (stock, active flag, update time, version; the rest is kept)'
select '{' || string_agg(id::text, ',') || '}' as page_ids
from (select id from products where active order by lower(title) collate "C", title collate "C", id limit 20) as page \gset
explain (analyze, buffers)
select "products"."id", "products"."stock", "products"."active", "products"."updated_at", "products"."version"
from "products" where "products"."id" = any (cast(:'page_ids' as uuid[])) order by "products"."id";

\echo '=== search: one common title word, ranking at most 10,000 candidates, first page, with its bounded total'
explain (analyze, buffers)
select "candidates"."id", "candidates"."title", "candidates"."price_cents", "candidates"."created_at", "candidates"."rank",
  "candidates"."total_count"
from (select "matched"."id", "matched"."title", "matched"."price_cents", "matched"."created_at", "matched"."rank",
        count(*) over () as "total_count", row_number() over () as "yielded"
      from (select "products"."id", "products"."title", "products"."price_cents", "products"."created_at",
              ts_rank("products"."search_vector", websearch_to_tsquery('simple'::regconfig, 'shadow')) as "rank"
            from "products"
            where ("products"."active" = true
              and ("products"."search_vector" @@ websearch_to_tsquery('simple'::regconfig, 'shadow')))
            fetch next 10001 rows only) as "matched") as "candidates"
where "candidates"."yielded" <= 10000
order by "candidates"."rank" desc, ((lower("candidates"."title")) collate "C") asc, (("candidates"."title") collate "C") asc,
  "candidates"."id" asc
offset 0 rows fetch next 21 rows only;

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

-- The plans of the facets and suggestion statements, as JooqCatalogueInsights renders them (values inline).
-- bench/run.sh runs this against the seeded database after the load: psql -d bookshop_bench -f bench/facets-explain.sql
-- The author and the shelf are the seeded catalogue's busiest.
\pset pager off
\timing off
set random_page_cost = 1.1;
select lower(author) as author from products where active group by lower(author) order by count(*) desc limit 1 \gset
select category_id as shelf from product_categories group by category_id order by count(*) desc limit 1 \gset

\echo '=== facets: the whole shop (10,001 candidates, exact false)'
explain (analyze, buffers)
with found as materialized (
    select c.*, row_number() over () as n
    from (select id, series, author, price_cents, stock, category_ids from products where active limit 10001) c
), m as (select * from found where n <= 10000)
select 'found' as facet, cast(null as text) as k, cast(null as text) as label, (select count(*) from found) as n
union all select 'stock', null, null, count(*) filter (where stock > 0) from m
union all select 'band', '0', null, count(*) filter (where price_cents >= 0 and price_cents < 500) from m
union all select 'band', '1', null, count(*) filter (where price_cents >= 500 and price_cents < 1000) from m
union all select 'band', '2', null, count(*) filter (where price_cents >= 1000 and price_cents < 2000) from m
union all select 'band', '3', null, count(*) filter (where price_cents >= 2000 and price_cents < 5000) from m
union all select 'band', '4', null, count(*) filter (where price_cents >= 5000) from m
union all (select 'category', c.slug, c.name, count(*) from m
    cross join unnest(m.category_ids) as shelf(id) join categories c on c.id = shelf.id
    group by c.slug, c.name)
union all (select 'series', null, series, count(*) from m where series is not null
    group by series order by count(*) desc, series collate "C" limit 20)
union all (select 'author', null, author, count(*) from m
    group by author order by count(*) desc, author collate "C" limit 20);

\echo '=== facets: the busiest author (all counted, exact true)'
explain (analyze, buffers)
with found as materialized (
    select c.*, row_number() over () as n
    from (select id, series, author, price_cents, stock, category_ids from products where active and lower(author) = :'author' limit 10001) c
), m as (select * from found where n <= 10000)
select 'found' as facet, cast(null as text) as k, cast(null as text) as label, (select count(*) from found) as n
union all select 'stock', null, null, count(*) filter (where stock > 0) from m
union all select 'band', '0', null, count(*) filter (where price_cents >= 0 and price_cents < 500) from m
union all select 'band', '1', null, count(*) filter (where price_cents >= 500 and price_cents < 1000) from m
union all select 'band', '2', null, count(*) filter (where price_cents >= 1000 and price_cents < 2000) from m
union all select 'band', '3', null, count(*) filter (where price_cents >= 2000 and price_cents < 5000) from m
union all select 'band', '4', null, count(*) filter (where price_cents >= 5000) from m
union all (select 'category', c.slug, c.name, count(*) from m
    cross join unnest(m.category_ids) as shelf(id) join categories c on c.id = shelf.id
    group by c.slug, c.name)
union all (select 'series', null, series, count(*) from m where series is not null
    group by series order by count(*) desc, series collate "C" limit 20)
union all (select 'author', null, author, count(*) from m
    group by author order by count(*) desc, author collate "C" limit 20);

\echo '=== facets: the busiest shelf, looked up by id first'
explain (analyze, buffers)
with found as materialized (
    select c.*, row_number() over () as n
    from (select id, series, author, price_cents, stock, category_ids from products where active and exists (select 1 from product_categories where product_categories.product_id = products.id and product_categories.category_id = :'shelf') limit 10001) c
), m as (select * from found where n <= 10000)
select 'found' as facet, cast(null as text) as k, cast(null as text) as label, (select count(*) from found) as n
union all select 'stock', null, null, count(*) filter (where stock > 0) from m
union all select 'band', '0', null, count(*) filter (where price_cents >= 0 and price_cents < 500) from m
union all select 'band', '1', null, count(*) filter (where price_cents >= 500 and price_cents < 1000) from m
union all select 'band', '2', null, count(*) filter (where price_cents >= 1000 and price_cents < 2000) from m
union all select 'band', '3', null, count(*) filter (where price_cents >= 2000 and price_cents < 5000) from m
union all select 'band', '4', null, count(*) filter (where price_cents >= 5000) from m
union all (select 'category', c.slug, c.name, count(*) from m
    cross join unnest(m.category_ids) as shelf(id) join categories c on c.id = shelf.id
    group by c.slug, c.name)
union all (select 'series', null, series, count(*) from m where series is not null
    group by series order by count(*) desc, series collate "C" limit 20)
union all (select 'author', null, author, count(*) from m
    group by author order by count(*) desc, author collate "C" limit 20);

\echo '=== facets: a search for a common title word'
explain (analyze, buffers)
with found as materialized (
    select c.*, row_number() over () as n
    from (select id, series, author, price_cents, stock, category_ids from products where active and products.search_vector @@ websearch_to_tsquery('simple'::regconfig, 'kingdom') limit 10001) c
), m as (select * from found where n <= 10000)
select 'found' as facet, cast(null as text) as k, cast(null as text) as label, (select count(*) from found) as n
union all select 'stock', null, null, count(*) filter (where stock > 0) from m
union all select 'band', '0', null, count(*) filter (where price_cents >= 0 and price_cents < 500) from m
union all select 'band', '1', null, count(*) filter (where price_cents >= 500 and price_cents < 1000) from m
union all select 'band', '2', null, count(*) filter (where price_cents >= 1000 and price_cents < 2000) from m
union all select 'band', '3', null, count(*) filter (where price_cents >= 2000 and price_cents < 5000) from m
union all select 'band', '4', null, count(*) filter (where price_cents >= 5000) from m
union all (select 'category', c.slug, c.name, count(*) from m
    cross join unnest(m.category_ids) as shelf(id) join categories c on c.id = shelf.id
    group by c.slug, c.name)
union all (select 'series', null, series, count(*) from m where series is not null
    group by series order by count(*) desc, series collate "C" limit 20)
union all (select 'author', null, author, count(*) from m
    group by author order by count(*) desc, author collate "C" limit 20);

\echo '=== suggest: title group ("kin")'
explain (analyze, buffers)
select slug, title, author from products where active and bookshop_fold(title) collate "C" >= bookshop_fold('kin') collate "C" and bookshop_fold(title) collate "C" < (bookshop_fold('kin') || chr(1114111)) collate "C"
order by bookshop_fold(title) collate "C", title collate "C", id limit 8;

\echo '=== suggest: title group for an accented prefix ("émigré")'
explain (analyze, buffers)
select slug, title, author from products where active and bookshop_fold(title) collate "C" >= bookshop_fold('émigré') collate "C" and bookshop_fold(title) collate "C" < (bookshop_fold('émigré') || chr(1114111)) collate "C"
order by bookshop_fold(title) collate "C", title collate "C", id limit 8;

\echo '=== suggest: author group, read when no title starts so ("amir gal")'
explain (analyze, buffers)
with hits as materialized (select id, slug, title, author from products where active and bookshop_fold(author) collate "C" >= bookshop_fold('amir gal') collate "C" and bookshop_fold(author) collate "C" < (bookshop_fold('amir gal') || chr(1114111)) collate "C"
  order by bookshop_fold(author) collate "C" limit 200)
select slug, title, author from hits order by bookshop_fold(title) collate "C", title collate "C", id limit 8;

\echo '=== suggest: series group ("the silent")'
explain (analyze, buffers)
with hits as materialized (select id, slug, title, author from products where active and bookshop_fold(series) collate "C" >= bookshop_fold('the silent') collate "C" and bookshop_fold(series) collate "C" < (bookshop_fold('the silent') || chr(1114111)) collate "C"
  order by bookshop_fold(series) collate "C" limit 200)
select slug, title, author from hits order by bookshop_fold(title) collate "C", title collate "C", id limit 8;

-- Edits of a book carry a version, so an admin's edit made from a stale read can be refused (HTTP If-Match).
--
-- version: counts the book's edits, from 1 at creation. Every admin edit (details, price, categories, active flag)
-- moves it on by one; stock moves, which happen at every checkout, leave it alone. Existing books, and rows loaded
-- without it (the bench's COPY), start at 1.

alter table products
    add column version bigint not null default 1,
    add constraint products_version_check check (version >= 1);

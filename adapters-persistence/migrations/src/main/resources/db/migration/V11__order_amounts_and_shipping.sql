-- The amounts and shipping of an order, fixed at checkout.
--
-- orders: subtotal_cents is what the goods cost before any discount, discount_cents what the discount took off,
-- shipping_cents what shipping was charged (nothing once the goods reached the method's free threshold), tax_cents
-- the VAT inside the total (prices include VAT) and tax_rate_basis_points the destination's rate it was worked out
-- at. The total stays in total_amount_cents and is always subtotal − discount + shipping. The ship_* columns are a
-- copy of the address the order goes to, never a reference into the address book, so editing or deleting an entry
-- changes no order; shipping_method_name and shipping_method_price_cents are the method as it was (its list price,
-- beside what was charged). An order of a shop without shipping has no address and no method.
-- Orders placed before this migration had none of this: their subtotal is their total, everything else zero.
alter table orders
    add column subtotal_cents              bigint,
    add column discount_cents              bigint  not null default 0 check (discount_cents >= 0),
    add column shipping_cents              bigint  not null default 0 check (shipping_cents >= 0),
    add column tax_cents                   bigint  not null default 0 check (tax_cents >= 0),
    add column tax_rate_basis_points       integer not null default 0
                                                   check (tax_rate_basis_points between 0 and 10000),
    add column ship_name                   text    check (length(ship_name) between 1 and 100),
    add column ship_line1                  text    check (length(ship_line1) between 1 and 200),
    add column ship_line2                  text    check (length(ship_line2) between 1 and 200),
    add column ship_city                   text    check (length(ship_city) between 1 and 100),
    add column ship_postal_code            text    check (length(ship_postal_code) between 1 and 20),
    add column ship_region                 text    check (length(ship_region) between 1 and 100),
    add column ship_country                text    check (ship_country ~ '^[A-Z]{2}$'),
    add column ship_phone                  text    check (length(ship_phone) between 1 and 30),
    add column shipping_method_name        text    check (length(shipping_method_name) between 1 and 100),
    add column shipping_method_price_cents bigint  check (shipping_method_price_cents >= 0);

update orders set subtotal_cents = total_amount_cents;

alter table orders
    alter column subtotal_cents set not null,
    add constraint orders_total_adds_up
        check (total_amount_cents = subtotal_cents - discount_cents + shipping_cents),
    add constraint orders_discount_within_subtotal check (discount_cents <= subtotal_cents),
    add constraint orders_tax_within_total check (tax_cents <= total_amount_cents),
    -- An address is whole or absent; a method needs an address to go to.
    add constraint orders_ship_address_whole
        check ((ship_name is null) = (ship_line1 is null)
               and (ship_name is null) = (ship_city is null)
               and (ship_name is null) = (ship_postal_code is null)
               and (ship_name is null) = (ship_country is null)
               and (ship_name is not null or (ship_line2 is null and ship_region is null and ship_phone is null))),
    add constraint orders_shipping_method_whole
        check ((shipping_method_name is null) = (shipping_method_price_cents is null)
               and (shipping_method_name is null or ship_name is not null));

-- order_items: the line's share of the order's discount and the VAT inside what was paid for it.
alter table order_items
    add column discount_cents bigint not null default 0 check (discount_cents >= 0),
    add column tax_cents      bigint not null default 0 check (tax_cents >= 0),
    add constraint order_items_discount_within_line check (discount_cents <= unit_price_snapshot_cents * quantity),
    add constraint order_items_tax_within_line
        check (tax_cents <= unit_price_snapshot_cents * quantity - discount_cents);

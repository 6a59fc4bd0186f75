-- Shipping and tax: the ways the shop sends parcels, and the VAT rate books are sold at per destination country.
--
-- shipping_methods: name is trimmed and bounded; countries holds ISO 3166-1 alpha-2 codes (at least one, no
-- duplicates, kept sorted by the application); price_cents is what the method costs, and free_over_cents, when set,
-- the discounted subtotal from which it costs nothing. Only active methods are offered; a shop with none sells
-- without shipping.
create table shipping_methods (
    id              uuid    primary key,
    name            text    not null check (length(name) between 1 and 100 and name = btrim(name)),
    countries       text[]  not null check (cardinality(countries) >= 1
                                            and array_position(countries, null) is null),
    price_cents     bigint  not null check (price_cents between 0 and 99999999),
    free_over_cents bigint  check (free_over_cents between 0 and 99999999),
    active          boolean not null
);

-- tax_rates: one rate per destination country, in basis points (700 = 7 %). Prices include VAT; a country without a
-- row is taxed at 0.
create table tax_rates (
    country           text    primary key check (country ~ '^[A-Z]{2}$'),
    rate_basis_points integer not null check (rate_basis_points between 0 and 10000)
);

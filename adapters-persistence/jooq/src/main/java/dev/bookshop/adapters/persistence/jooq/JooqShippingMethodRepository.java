package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.SHIPPING_METHODS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.ShippingMethodsRecord;
import dev.bookshop.application.shipping.port.out.ShippingMethodRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Shipping methods in {@code shipping_methods}; the countries served are a text array on the row. */
final class JooqShippingMethodRepository implements ShippingMethodRepository {

    private final DSLContext dsl;

    JooqShippingMethodRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(ShippingMethod method) {
        dsl.insertInto(SHIPPING_METHODS).set(toRecord(method)).execute();
    }

    @Override
    public boolean update(ShippingMethod method) {
        ShippingMethodsRecord row = toRecord(method);
        return dsl.update(SHIPPING_METHODS)
                        .set(SHIPPING_METHODS.NAME, row.getName())
                        .set(SHIPPING_METHODS.COUNTRIES, row.getCountries())
                        .set(SHIPPING_METHODS.PRICE_CENTS, row.getPriceCents())
                        .set(SHIPPING_METHODS.FREE_OVER_CENTS, row.getFreeOverCents())
                        .set(SHIPPING_METHODS.ACTIVE, row.getActive())
                        .where(SHIPPING_METHODS.ID.eq(row.getId()))
                        .execute()
                == 1;
    }

    @Override
    public Optional<ShippingMethod> findById(ShippingMethodId id) {
        return dsl.selectFrom(SHIPPING_METHODS)
                .where(SHIPPING_METHODS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqShippingMethodRepository::toDomain);
    }

    @Override
    public Optional<ShippingMethod> findByIdForUpdate(ShippingMethodId id) {
        return dsl.selectFrom(SHIPPING_METHODS)
                .where(SHIPPING_METHODS.ID.eq(id.value()))
                .forUpdate()
                .fetchOptional()
                .map(JooqShippingMethodRepository::toDomain);
    }

    /** Names compare byte by byte ({@code collate "C"}), as Java compares them, so every adapter lists alike. */
    @Override
    public List<ShippingMethod> findAll() {
        return dsl.selectFrom(SHIPPING_METHODS)
                .orderBy(SHIPPING_METHODS.NAME.collate("C"), SHIPPING_METHODS.ID)
                .fetch(JooqShippingMethodRepository::toDomain);
    }

    @Override
    public List<ShippingMethod> findActiveServing(CountryCode country) {
        return dsl.selectFrom(SHIPPING_METHODS)
                .where(SHIPPING_METHODS.ACTIVE.isTrue())
                .and(DSL.val(country.value()).eq(DSL.any(SHIPPING_METHODS.COUNTRIES)))
                .orderBy(SHIPPING_METHODS.PRICE_CENTS, SHIPPING_METHODS.NAME.collate("C"), SHIPPING_METHODS.ID)
                .fetch(JooqShippingMethodRepository::toDomain);
    }

    @Override
    public boolean anyActive() {
        return dsl.fetchExists(SHIPPING_METHODS, SHIPPING_METHODS.ACTIVE.isTrue());
    }

    private static ShippingMethod toDomain(ShippingMethodsRecord row) {
        return new ShippingMethod(
                ShippingMethodId.of(row.getId()),
                row.getName(),
                Arrays.stream(row.getCountries())
                        .map(CountryCode::new)
                        .collect(
                                Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(CountryCode::value)))),
                Money.ofCents(row.getPriceCents()),
                Optional.ofNullable(row.getFreeOverCents()).map(Money::ofCents),
                row.getActive());
    }

    private static ShippingMethodsRecord toRecord(ShippingMethod method) {
        ShippingMethodsRecord row = new ShippingMethodsRecord();
        row.setId(method.id().value());
        row.setName(method.name());
        row.setCountries(method.countries().stream().map(CountryCode::value).toArray(String[]::new));
        row.setPriceCents(method.price().cents());
        row.setFreeOverCents(method.freeOver().map(Money::cents).orElse(null));
        row.setActive(method.active());
        return row;
    }
}

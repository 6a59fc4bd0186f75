package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.shipping.port.out.ShippingMethodRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import jakarta.persistence.LockModeType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Shipping methods in {@code shipping_methods}; the countries served are a text array on the row. */
final class JpaShippingMethodRepository implements ShippingMethodRepository {

    private static final String BY_NAME = "collate(m.name as " + Collations.CODE_POINT + "), m.id";

    private final JpaTransactionRunner transactions;

    JpaShippingMethodRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(ShippingMethod method) {
        transactions.run(em -> {
            ShippingMethodEntity row = new ShippingMethodEntity();
            row.id = method.id().value();
            copy(method, row);
            em.persist(row);
        });
    }

    /** Through the managed entity, so a read later in the same transaction sees the change. */
    @Override
    public boolean update(ShippingMethod method) {
        return transactions.call(em -> {
            ShippingMethodEntity row =
                    em.find(ShippingMethodEntity.class, method.id().value());
            if (row == null) {
                return false;
            }
            copy(method, row);
            return true;
        });
    }

    @Override
    public Optional<ShippingMethod> findById(ShippingMethodId id) {
        return transactions.call(em -> Optional.ofNullable(em.find(ShippingMethodEntity.class, id.value()))
                .map(JpaShippingMethodRepository::toDomain));
    }

    /**
     * Refreshed under the lock: the persistence context may hold the row from an earlier read, older than what
     * another transaction has since committed. Pending changes are flushed first, so the refresh cannot drop them.
     */
    @Override
    public Optional<ShippingMethod> findByIdForUpdate(ShippingMethodId id) {
        return transactions.call(em -> {
            ShippingMethodEntity row = em.find(ShippingMethodEntity.class, id.value());
            if (row == null) {
                return Optional.<ShippingMethod>empty();
            }
            em.flush();
            em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            return Optional.of(toDomain(row));
        });
    }

    @Override
    public List<ShippingMethod> findAll() {
        return transactions.call(em -> em.createQuery(
                        "select m from ShippingMethodEntity m order by " + BY_NAME, ShippingMethodEntity.class)
                .getResultStream()
                .map(JpaShippingMethodRepository::toDomain)
                .toList());
    }

    /** Native SQL: HQL has no portable test for "this value is in the array column". */
    @Override
    public List<ShippingMethod> findActiveServing(CountryCode country) {
        return transactions.call(em -> em
                .createNativeQuery("""
                        select * from shipping_methods
                        where active and cast(:country as text) = any(countries)
                        order by price_cents, name collate "C", id""", ShippingMethodEntity.class)
                .setParameter("country", country.value())
                .getResultList()
                .stream()
                .map(row -> toDomain((ShippingMethodEntity) row))
                .toList());
    }

    @Override
    public boolean anyActive() {
        return transactions.call(
                em -> !em.createQuery("select m.id from ShippingMethodEntity m where m.active = true", Object.class)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty());
    }

    private static void copy(ShippingMethod method, ShippingMethodEntity row) {
        row.name = method.name();
        row.countries = method.countries().stream().map(CountryCode::value).toArray(String[]::new);
        row.priceCents = method.price().cents();
        row.freeOverCents = method.freeOver().map(Money::cents).orElse(null);
        row.active = method.active();
    }

    private static ShippingMethod toDomain(ShippingMethodEntity row) {
        return new ShippingMethod(
                ShippingMethodId.of(row.id),
                row.name,
                Arrays.stream(row.countries)
                        .map(CountryCode::new)
                        .collect(
                                Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(CountryCode::value)))),
                Money.ofCents(row.priceCents),
                Optional.ofNullable(row.freeOverCents).map(Money::ofCents),
                row.active);
    }
}

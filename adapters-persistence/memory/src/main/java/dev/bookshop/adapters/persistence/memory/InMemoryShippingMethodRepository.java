package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.shipping.port.out.ShippingMethodRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Shipping methods in memory; the store's one lock stands in for the row lock. */
final class InMemoryShippingMethodRepository implements ShippingMethodRepository {

    private static final Comparator<ShippingMethod> BY_NAME =
            Comparator.comparing(ShippingMethod::name).thenComparing(m -> m.id().value(), InMemoryStore.UUID_ORDER);

    private static final Comparator<ShippingMethod> CHEAPEST_FIRST =
            Comparator.comparing(ShippingMethod::price).thenComparing(BY_NAME);

    private final InMemoryStore store;

    InMemoryShippingMethodRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(ShippingMethod method) {
        store.locked(() -> {
            InMemoryStore.requireNewKey(store.shippingMethods, method.id(), "shipping method");
            store.shippingMethods.put(method.id(), method);
        });
    }

    @Override
    public boolean update(ShippingMethod method) {
        return store.locked(() -> store.shippingMethods.replace(method.id(), method) != null);
    }

    @Override
    public Optional<ShippingMethod> findById(ShippingMethodId id) {
        return store.locked(() -> Optional.ofNullable(store.shippingMethods.get(id)));
    }

    @Override
    public Optional<ShippingMethod> findByIdForUpdate(ShippingMethodId id) {
        return findById(id);
    }

    @Override
    public List<ShippingMethod> findAll() {
        return store.locked(
                () -> store.shippingMethods.values().stream().sorted(BY_NAME).toList());
    }

    @Override
    public List<ShippingMethod> findActiveServing(CountryCode country) {
        return store.locked(() -> store.shippingMethods.values().stream()
                .filter(m -> m.active() && m.serves(country))
                .sorted(CHEAPEST_FIRST)
                .toList());
    }

    @Override
    public boolean anyActive() {
        return store.locked(() -> store.shippingMethods.values().stream().anyMatch(ShippingMethod::active));
    }
}

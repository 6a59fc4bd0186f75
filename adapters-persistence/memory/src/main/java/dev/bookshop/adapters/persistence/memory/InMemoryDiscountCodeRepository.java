package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.discount.port.out.DiscountCodeRepository;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Discount codes and their redemptions in memory; the store's one lock stands in for the row lock. */
final class InMemoryDiscountCodeRepository implements DiscountCodeRepository {

    private final InMemoryStore store;

    InMemoryDiscountCodeRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean insertIfCodeFree(DiscountCode code) {
        return store.locked(() -> {
            InMemoryStore.requireNewKey(store.discountCodes, code.id(), "discount code");
            if (taken(code)) {
                return false;
            }
            store.discountCodes.put(code.id(), DiscountCode.rehydrate(code.id(), code.terms(), 0, code.createdAt()));
            return true;
        });
    }

    @Override
    public boolean updateIfCodeFree(DiscountCode code) {
        return store.locked(() -> {
            DiscountCode stored = store.discountCodes.get(code.id());
            if (stored == null || taken(code)) {
                return false;
            }
            store.discountCodes.put(code.id(), stored.redefine(code.terms()));
            return true;
        });
    }

    private boolean taken(DiscountCode code) {
        return store.discountCodes.values().stream()
                .anyMatch(other -> !other.id().equals(code.id()) && other.code().equals(code.code()));
    }

    @Override
    public Optional<DiscountCode> findById(DiscountCodeId id) {
        return store.locked(() -> Optional.ofNullable(store.discountCodes.get(id)));
    }

    @Override
    public Optional<DiscountCode> findByIdForUpdate(DiscountCodeId id) {
        return findById(id);
    }

    @Override
    public Optional<DiscountCode> findByCode(String code) {
        return store.locked(() -> store.discountCodes.values().stream()
                .filter(c -> c.code().equals(code))
                .findFirst());
    }

    @Override
    public Optional<DiscountCode> findByCodeForUpdate(String code) {
        return findByCode(code);
    }

    @Override
    public List<DiscountCode> findAll() {
        return store.locked(() -> store.discountCodes.values().stream()
                .sorted(Comparator.comparing(DiscountCode::code))
                .toList());
    }

    @Override
    public int countRedemptionsBy(DiscountCodeId code, UserId customer) {
        return store.locked(() -> (int) store.redemptions.values().stream()
                .filter(r -> r.code().equals(code) && r.customer().equals(customer))
                .count());
    }

    @Override
    public void insertRedemption(DiscountCodeId code, OrderId order, UserId customer, Instant at) {
        store.locked(() -> {
            DiscountCode stored = store.discountCodes.get(code);
            InMemoryStore.requireReference(stored != null, "discount code " + code);
            InMemoryStore.requireReference(store.orders.containsKey(order), "order " + order);
            InMemoryStore.requireReference(store.users.containsKey(customer), "user " + customer);
            InMemoryStore.requireNewKey(store.redemptions, order, "redemption of order");
            store.redemptions.put(order, new InMemoryStore.Redemption(code, customer, at));
            store.discountCodes.put(code, counted(stored, +1));
        });
    }

    @Override
    public boolean deleteRedemption(OrderId order) {
        return store.locked(() -> {
            InMemoryStore.Redemption gone = store.redemptions.remove(order);
            if (gone == null) {
                return false;
            }
            store.discountCodes.computeIfPresent(gone.code(), (id, stored) -> counted(stored, -1));
            return true;
        });
    }

    private static DiscountCode counted(DiscountCode code, int change) {
        return DiscountCode.rehydrate(code.id(), code.terms(), code.timesRedeemed() + change, code.createdAt());
    }
}

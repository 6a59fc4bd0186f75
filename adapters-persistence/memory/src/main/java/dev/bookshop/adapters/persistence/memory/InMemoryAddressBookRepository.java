package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Saved addresses in memory, each visible to its owner only. */
final class InMemoryAddressBookRepository implements AddressBookRepository {

    private final InMemoryStore store;

    InMemoryAddressBookRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(SavedAddress address) {
        store.locked(() -> {
            InMemoryStore.requireNewKey(store.addresses, address.id(), "address");
            InMemoryStore.requireReference(store.users.containsKey(address.owner()), "user " + address.owner());
            store.addresses.put(address.id(), address);
        });
    }

    /** A stable sort over insertion order: entries of one instant keep the order they were saved in. */
    @Override
    public List<SavedAddress> findAllOfUser(UserId owner) {
        return store.locked(() -> store.addresses.values().stream()
                .filter(a -> a.belongsTo(owner))
                .sorted(Comparator.comparing(SavedAddress::createdAt))
                .toList());
    }

    @Override
    public int countOfUser(UserId owner) {
        return store.locked(() -> (int) store.addresses.values().stream()
                .filter(a -> a.belongsTo(owner))
                .count());
    }

    @Override
    public Optional<SavedAddress> findById(UserId owner, AddressId id) {
        return store.locked(() -> Optional.ofNullable(store.addresses.get(id)).filter(a -> a.belongsTo(owner)));
    }

    @Override
    public boolean update(SavedAddress address) {
        return store.locked(() -> {
            Optional<SavedAddress> stored = findById(address.owner(), address.id());
            stored.ifPresent(s -> store.addresses.put(s.id(), s.withAddress(address.address())));
            return stored.isPresent();
        });
    }

    @Override
    public boolean delete(UserId owner, AddressId id) {
        return store.locked(() -> findById(owner, id).isPresent() && store.addresses.remove(id) != null);
    }

    @Override
    public int deleteAllOfUser(UserId owner) {
        return store.locked(
                () -> InMemoryStore.deleteWhere(store.addresses, a -> a.belongsTo(owner), Integer.MAX_VALUE));
    }
}

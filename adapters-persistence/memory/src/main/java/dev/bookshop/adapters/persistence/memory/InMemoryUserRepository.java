package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts in memory; emails are unique ignoring case, as the database's index on {@code lower(email)}. */
final class InMemoryUserRepository implements UserRepository {

    private final InMemoryStore store;

    InMemoryUserRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean insertIfEmailFree(User user) {
        return store.locked(() -> {
            InMemoryStore.requireNewKey(store.users, user.id(), "user");
            if (findByEmailLocked(user.email()).isPresent()) {
                return false;
            }
            store.users.put(user.id(), user);
            return true;
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return store.locked(() -> Optional.ofNullable(store.users.get(id)));
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return findById(id);
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return store.locked(() -> findByEmailLocked(email));
    }

    @Override
    public void update(User user) {
        store.locked(() -> {
            User stored = store.users.get(user.id());
            if (stored == null) {
                throw new IllegalStateException("no user " + user.id() + " to update");
            }
            store.users.put(
                    user.id(),
                    User.rehydrate(
                            stored.id(),
                            stored.email(),
                            user.passwordHash(),
                            user.role(),
                            user.active(),
                            stored.createdAt(),
                            user.isEmailVerified()));
        });
    }

    @Override
    public boolean updateEmailIfFree(User user) {
        return store.locked(() -> {
            User stored = store.users.get(user.id());
            if (stored == null) {
                throw new IllegalStateException("no user " + user.id() + " to update");
            }
            Optional<User> holder = findByEmailLocked(user.email());
            if (holder.isPresent() && !holder.get().id().equals(user.id())) {
                return false;
            }
            store.users.put(
                    user.id(),
                    User.rehydrate(
                            stored.id(),
                            user.email(),
                            stored.passwordHash(),
                            stored.role(),
                            stored.active(),
                            stored.createdAt(),
                            user.isEmailVerified()));
            return true;
        });
    }

    @Override
    public void updateErased(User erased) {
        store.locked(() -> {
            User stored = store.users.get(erased.id());
            if (stored == null) {
                throw new IllegalStateException("no user " + erased.id() + " to erase");
            }
            store.users.put(
                    erased.id(),
                    User.rehydrate(
                            stored.id(),
                            erased.email(),
                            erased.passwordHash(),
                            erased.role(),
                            erased.active(),
                            stored.createdAt(),
                            erased.isEmailVerified()));
        });
    }

    @Override
    public Page<User> findAll(PageRequest page) {
        return store.locked(() -> Page.slice(
                store.users.values().stream()
                        .sorted(Comparator.comparing(User::createdAt)
                                .thenComparing(u -> u.id().value(), InMemoryStore.UUID_ORDER))
                        .toList(),
                page));
    }

    @Override
    public List<UserId> lockActiveAdmins() {
        return store.locked(() -> store.users.values().stream()
                .filter(User::isActiveAdmin)
                .map(User::id)
                .sorted(Comparator.comparing(UserId::value, InMemoryStore.UUID_ORDER))
                .toList());
    }

    private Optional<User> findByEmailLocked(Email email) {
        String wanted = lower(email);
        return store.users.values().stream()
                .filter(u -> lower(u.email()).equals(wanted))
                .findFirst();
    }

    private static String lower(Email email) {
        return email.value().toLowerCase(Locale.ROOT);
    }
}

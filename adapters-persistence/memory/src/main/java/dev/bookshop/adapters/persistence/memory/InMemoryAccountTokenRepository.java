package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.account.port.out.AccountTokenRepository;
import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.auth.AccountTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Account tokens in memory, unique by hash. */
final class InMemoryAccountTokenRepository implements AccountTokenRepository {

    private final InMemoryStore store;

    InMemoryAccountTokenRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(AccountToken token) {
        store.locked(() -> {
            InMemoryStore.requireNewKey(store.accountTokens, token.id(), "account token");
            InMemoryStore.requireReference(store.users.containsKey(token.userId()), "user " + token.userId());
            if (findByHash(token.hash()).isPresent()) {
                throw new IllegalStateException("unique key violated: an account token with this hash exists");
            }
            store.accountTokens.put(token.id(), token);
        });
    }

    @Override
    public Optional<AccountToken> findByHash(TokenHash hash) {
        return store.locked(() -> store.accountTokens.values().stream()
                .filter(t -> t.hash().equals(hash))
                .findFirst());
    }

    @Override
    public boolean markUsed(AccountTokenId id, Instant at) {
        return store.locked(() -> {
            AccountToken token = store.accountTokens.get(id);
            if (token == null || token.isUsed() || token.isExpired(at)) {
                return false;
            }
            store.accountTokens.put(id, token.use(at));
            return true;
        });
    }

    @Override
    public int voidAllOfUser(UserId userId, Instant at) {
        return store.locked(() -> {
            List<AccountToken> unused = store.accountTokens.values().stream()
                    .filter(t -> t.userId().equals(userId) && !t.isUsed())
                    .toList();
            unused.forEach(t -> store.accountTokens.put(t.id(), t.use(at)));
            return unused.size();
        });
    }

    @Override
    public int deleteUsedOrExpiredBefore(Instant before, int limit) {
        return store.locked(() -> InMemoryStore.deleteWhere(
                store.accountTokens,
                t -> t.isExpired(before) || (t.usedAt() != null && !t.usedAt().isAfter(before)),
                limit));
    }
}

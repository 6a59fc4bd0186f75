package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Refresh tokens in memory, unique by hash. */
final class InMemoryRefreshTokenRepository implements RefreshTokenRepository {

    private final InMemoryStore store;

    InMemoryRefreshTokenRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(RefreshToken token) {
        store.locked(() -> {
            InMemoryStore.requireNewKey(store.refreshTokens, token.id(), "refresh token");
            InMemoryStore.requireReference(store.users.containsKey(token.userId()), "user " + token.userId());
            if (findByHash(token.hash()).isPresent()) {
                throw new IllegalStateException("unique key violated: a refresh token with this hash exists");
            }
            store.refreshTokens.put(token.id(), token);
        });
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(TokenHash hash) {
        return findByHash(hash);
    }

    @Override
    public void markRotated(RefreshTokenId id, Instant at) {
        store.locked(() -> {
            store.refreshTokens.computeIfPresent(id, (key, token) -> token.revoked() ? token : token.rotate(at));
        });
    }

    @Override
    public void revoke(RefreshTokenId id) {
        store.locked(() -> {
            store.refreshTokens.computeIfPresent(id, (key, token) -> token.revoke());
        });
    }

    @Override
    public int revokeAllOfUser(UserId userId) {
        return store.locked(() -> {
            List<RefreshToken> live = store.refreshTokens.values().stream()
                    .filter(t -> t.userId().equals(userId) && !t.revoked())
                    .toList();
            live.forEach(t -> store.refreshTokens.put(t.id(), t.revoke()));
            List<RefreshToken> rotated = store.refreshTokens.values().stream()
                    .filter(t -> t.userId().equals(userId) && t.rotatedAt() != null)
                    .toList();
            rotated.forEach(t -> store.refreshTokens.put(t.id(), t.revoke()));
            return live.size();
        });
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return store.locked(() -> store.refreshTokens.values().stream()
                .filter(t -> t.hash().equals(hash))
                .findFirst());
    }

    @Override
    public int deleteDeadFamilies(Instant now, Instant sessionsStartedBy, int limit) {
        return store.locked(() -> {
            Set<TokenFamilyId> liveFamilies = store.refreshTokens.values().stream()
                    .filter(t -> !t.isExpired(now))
                    .map(RefreshToken::familyId)
                    .collect(Collectors.toSet());
            List<RefreshTokenId> dead = store.refreshTokens.values().stream()
                    .filter(t -> !liveFamilies.contains(t.familyId())
                            || !t.sessionStartedAt().isAfter(sessionsStartedBy))
                    .limit(limit)
                    .map(RefreshToken::id)
                    .toList();
            dead.forEach(store.refreshTokens::remove);
            return dead.size();
        });
    }
}

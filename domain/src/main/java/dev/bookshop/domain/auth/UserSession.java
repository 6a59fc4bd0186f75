package dev.bookshop.domain.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One login as its owner sees it: a token family that can still be refreshed. Its id is the family's id, which is
 * never accepted as a credential anywhere, so showing it gives nothing away.
 *
 * @param createdAt when the user logged in
 * @param lastUsedAt when the session was last opened or refreshed (each refresh issues a token, so the newest
 *     token's creation time)
 * @param userAgent the client that logged in, or {@code null} when it did not say
 */
public record UserSession(TokenFamilyId id, Instant createdAt, Instant lastUsedAt, String userAgent) {

    public UserSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(lastUsedAt);
    }

    /**
     * The sessions that {@code tokens} keep alive at {@code now}: a family counts while one of its tokens is neither
     * revoked nor expired and the login is younger than {@code sessionMaxAge}. Oldest login first.
     */
    public static List<UserSession> alive(Collection<RefreshToken> tokens, Instant now, Duration sessionMaxAge) {
        Map<TokenFamilyId, List<RefreshToken>> families = tokens.stream()
                .filter(t -> !t.revoked() && !t.isExpired(now) && !t.sessionEnded(now, sessionMaxAge))
                .collect(Collectors.groupingBy(RefreshToken::familyId));
        return families.values().stream()
                .map(UserSession::of)
                .sorted(Comparator.comparing(UserSession::createdAt).thenComparing(s -> s.id().value()))
                .toList();
    }

    private static UserSession of(List<RefreshToken> family) {
        RefreshToken newest = family.stream()
                .max(Comparator.comparing(RefreshToken::createdAt))
                .orElseThrow();
        return new UserSession(newest.familyId(), newest.sessionStartedAt(), newest.createdAt(), newest.userAgent());
    }
}

package dev.bookshop.application.account.port.out;

import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.auth.AccountTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Password-reset and address tokens, stored by hash only. */
public interface AccountTokenRepository {

    void insert(AccountToken token);

    /**
     * Finds a token by hash without locking it: enough to learn whose it is, so a caller can lock the user first
     * (users are locked before their tokens everywhere, or two transactions could wait on each other).
     */
    Optional<AccountToken> findByHash(TokenHash hash);

    /**
     * Marks the token used at {@code at} unless it already is or has expired by then; answers whether it did. Of two
     * callers using one token at once, exactly one is answered true: the check and the write are one step.
     */
    boolean markUsed(AccountTokenId id, Instant at);

    /** Marks every unused token of the user used at {@code at}; answers how many. */
    int voidAllOfUser(UserId userId, Instant at);

    /**
     * Deletes up to {@code limit} tokens that had expired or been used by {@code before}: neither can ever work
     * again. Rows another transaction holds locked are skipped and left for a later call, so concurrent purges never
     * wait on each other or on a request, and each row is deleted (and counted) by one of them only. Answers how many
     * it deleted.
     */
    int deleteUsedOrExpiredBefore(Instant before, int limit);
}

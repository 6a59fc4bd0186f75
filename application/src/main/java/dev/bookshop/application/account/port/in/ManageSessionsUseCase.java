package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.UserSession;
import dev.bookshop.domain.user.UserId;
import java.util.List;

/** The caller's own logins: which are still alive, and ending one of them from another. */
public interface ManageSessionsUseCase {

    /** Every session of the user that can still be refreshed (not revoked, not expired, within its max age). */
    List<UserSession> listSessions(UserId userId);

    /**
     * Ends one session: every refresh token of its family stops working at once (they are deleted, so presenting one
     * later is an unknown token, not a reuse that would end the user's other sessions too). Access tokens it already handed out
     * live on until they expire, as after a logout.
     *
     * @throws dev.bookshop.domain.auth.SessionNotFoundException when the user has no live session with that id
     *     (another user's session is answered the same, so ids cannot be probed)
     */
    void revokeSession(UserId userId, TokenFamilyId sessionId);
}

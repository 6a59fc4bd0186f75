package dev.bookshop.domain.user;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * An account. Immutable: every change returns the changed user. Deactivation is a soft delete that keeps the
 * account's orders intact.
 */
public final class User {

    /** Not in any hasher's format, so it matches no password, ever. */
    static final PasswordHash ERASED_PASSWORD = new PasswordHash("!erased");

    private final UserId id;
    private final Email email;
    private final PasswordHash passwordHash;
    private final Role role;
    private final boolean active;
    private final Instant createdAt;
    private final boolean emailVerified;

    private User(
            UserId id,
            Email email,
            PasswordHash passwordHash,
            Role role,
            boolean active,
            Instant createdAt,
            boolean emailVerified) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.active = active;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.emailVerified = emailVerified;
    }

    /**
     * A customer signing up: always a plain, active user, whatever the request asked for, whose address nothing has
     * proven yet.
     */
    public static User signUp(UserId id, Email email, PasswordHash passwordHash, Instant now) {
        return new User(id, email, passwordHash, Role.USER, true, now, false);
    }

    /**
     * An administrator created by the operator at start-up. Its address counts as verified: the operator named it in
     * the configuration, which is as much proof as a mail the operator would have to click.
     */
    public static User administrator(UserId id, Email email, PasswordHash passwordHash, Instant now) {
        return new User(id, email, passwordHash, Role.ADMIN, true, now, true);
    }

    public static User rehydrate(
            UserId id,
            Email email,
            PasswordHash passwordHash,
            Role role,
            boolean active,
            Instant createdAt,
            boolean emailVerified) {
        return new User(id, email, passwordHash, role, active, createdAt, emailVerified);
    }

    public User withPassword(PasswordHash newHash) {
        return new User(id, email, newHash, role, active, createdAt, emailVerified);
    }

    public User withRole(Role newRole) {
        return new User(id, email, passwordHash, newRole, active, createdAt, emailVerified);
    }

    public User activated(boolean nowActive) {
        return new User(id, email, passwordHash, role, nowActive, createdAt, emailVerified);
    }

    /** The owner proved the address by following a link sent to it. */
    public User emailVerified() {
        return new User(id, email, passwordHash, role, active, createdAt, true);
    }

    /**
     * Moves the account to {@code newEmail}. Only a link sent to the new address leads here, so the new address is
     * verified by the change itself.
     */
    public User changeEmail(Email newEmail) {
        Objects.requireNonNull(newEmail);
        return new User(id, newEmail, passwordHash, role, active, createdAt, true);
    }

    /** Throws when there is nothing left to verify: a new verification mail would prove nothing. */
    public User requireUnverifiedEmail() {
        if (emailVerified) {
            throw new EmailAlreadyVerifiedException();
        }
        return this;
    }

    /**
     * Throws unless this customer's address is verified. Administrators are exempt: the operator named them, and a
     * shop must never lock out the accounts that run it.
     */
    public User requireVerifiedEmail() {
        if (!emailVerified && role != Role.ADMIN) {
            throw new EmailNotVerifiedException();
        }
        return this;
    }

    /**
     * The account erased at its owner's request: deactivated, its email replaced by a placeholder that frees the old
     * address, its password hash by one no password can match, its role dropped to a plain user. Its id and creation
     * time stay, because kept orders (bookkeeping) still name it.
     *
     * @param activeAdmins every active administrator, locked by the caller, so that the last one cannot erase
     *     itself and leave the shop without one
     * @throws LastAdminException when this is the only active administrator
     */
    public User erase(Collection<UserId> activeAdmins) {
        if (isActiveAdmin() && activeAdmins.stream().allMatch(id::equals)) {
            throw new LastAdminException();
        }
        // The placeholder proves no address, so it counts as unverified.
        return new User(id, Email.erasedPlaceholder(id), ERASED_PASSWORD, Role.USER, false, createdAt, false);
    }

    /** Whether {@link #erase} made this account: it can never log in or be reactivated into a usable account. */
    public boolean erased() {
        return email.isErasedPlaceholder();
    }

    /** Throws unless this account may still act: used by every state-changing use case. */
    public User requireActive() {
        if (!active) {
            throw new UserInactiveException(id);
        }
        return this;
    }

    public boolean isActiveAdmin() {
        return active && role == Role.ADMIN;
    }

    public UserId id() {
        return id;
    }

    public Email email() {
        return email;
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other
                && id.equals(other.id)
                && email.equals(other.email)
                && passwordHash.equals(other.passwordHash)
                && role == other.role
                && active == other.active
                && createdAt.equals(other.createdAt)
                && emailVerified == other.emailVerified;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + role + (active ? "" : ", inactive") + "]";
    }
}

package dev.bookshop.application.account.service;

import dev.bookshop.application.account.port.in.AdminUsersUseCase;
import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.domain.user.LastAdminException;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserNotFoundException;
import java.util.List;
import java.util.Optional;

/** The admin's view of customers, and account changes (roles, deactivation). */
public final class AdminAccountsService implements AdminUsersUseCase {

    private final TransactionRunner transactions;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final Actors actors;

    public AdminAccountsService(
            TransactionRunner transactions, UserRepository users, RefreshTokenRepository refreshTokens, Actors actors) {
        this.transactions = transactions;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.actors = actors;
    }

    @Override
    public Page<User> listUsers(UserId actor, PageRequest page) {
        actors.requireAdmin(actor);
        return users.findAll(page);
    }

    @Override
    public User updateUser(UserId actor, UserId target, Optional<Boolean> active, Optional<Role> role) {
        actors.requireAdmin(actor);
        boolean mayRemoveAnAdmin = active.equals(Optional.of(false)) || role.equals(Optional.of(Role.USER));
        return transactions.inTransaction(() -> {
            // Admin rows are locked before the target row, in one order for every caller, so two admins demoting
            // each other are serialised instead of deadlocking, and the second sees no other admin left.
            var admins = mayRemoveAnAdmin ? users.lockActiveAdmins() : List.<UserId>of();
            // An erased account is gone for every purpose but bookkeeping: reactivated or promoted, it would count
            // as an admin nobody can log in as, and let the last real one step down.
            User user = users.findByIdForUpdate(target)
                    .filter(u -> !u.erased())
                    .orElseThrow(() -> new UserNotFoundException(target));
            User changed = user;
            if (role.isPresent()) {
                changed = changed.withRole(role.get());
            }
            if (active.isPresent()) {
                changed = changed.activated(active.get());
            }
            if (user.isActiveAdmin()
                    && !changed.isActiveAdmin()
                    && admins.stream().allMatch(target::equals)) {
                throw new LastAdminException();
            }
            users.update(changed);
            if (user.active() && !changed.active()) {
                refreshTokens.revokeAllOfUser(target);
            }
            return changed;
        });
    }
}

package dev.bookshop.application.account.port.out;

import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Accounts. Emails are unique; the store enforces it, so concurrent signups cannot both win. */
public interface UserRepository {

    /** Inserts the user unless the email is already taken (then nothing is written and the answer is false). */
    boolean insertIfEmailFree(User user);

    Optional<User> findById(UserId id);

    /** Reads the user and holds it locked until the transaction ends. */
    Optional<User> findByIdForUpdate(UserId id);

    Optional<User> findByEmail(Email email);

    /** Writes role, active flag, password hash and verified flag of an existing user; never the email. */
    void update(User user);

    /**
     * Writes the user's email and verified flag unless another account holds that email (then nothing is written and
     * the answer is false). The store decides a race with a signup or another change to the same address.
     */
    boolean updateEmailIfFree(User user);

    /** All users, oldest first. */
    Page<User> findAll(PageRequest page);

    /**
     * The ids of every active administrator, locked until the transaction ends, so that two concurrent demotions
     * cannot both see another admin left.
     */
    List<UserId> lockActiveAdmins();

    /**
     * Writes an erased account over the stored one: its placeholder email as well as role, active flag and password
     * hash. The placeholder is unique per account, so this never collides with another address.
     */
    void updateErased(User erased);
}

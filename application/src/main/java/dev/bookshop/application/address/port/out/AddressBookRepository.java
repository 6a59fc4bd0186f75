package dev.bookshop.application.address.port.out;

import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Customers' saved addresses. Every method speaks for one owner: an address of anyone else is, to it, not there.
 * The store does not lock entries; callers that change a book lock its owner first ({@code findByIdForUpdate}), which
 * serialises every change to one account's book.
 */
public interface AddressBookRepository {

    /** Stores a new entry; its owner must exist. */
    void insert(SavedAddress address);

    /** The owner's entries, oldest first (entries saved at the same instant in the order they were inserted). */
    List<SavedAddress> findAllOfUser(UserId owner);

    /** How many entries the owner has. */
    int countOfUser(UserId owner);

    /** The entry when it is the owner's; another user's entry and an unknown id are both empty. */
    Optional<SavedAddress> findById(UserId owner, AddressId id);

    /** Writes the entry's address over the stored one of the same owner and id; answers whether there was one. */
    boolean update(SavedAddress address);

    /** Deletes the owner's entry; answers whether there was one (never deletes another user's). */
    boolean delete(UserId owner, AddressId id);

    /** Deletes every entry of the owner; answers how many. */
    int deleteAllOfUser(UserId owner);
}

package dev.bookshop.domain.address;

import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** One entry of a customer's address book: the address, whose it is, and when it was saved (the book's order). */
public record SavedAddress(AddressId id, UserId owner, PostalAddress address, Instant createdAt) {

    public SavedAddress {
        Objects.requireNonNull(id);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(address);
        Objects.requireNonNull(createdAt);
    }

    public boolean belongsTo(UserId userId) {
        return owner.equals(userId);
    }

    /** The same entry holding another address; its id, owner and place in the book stay. */
    public SavedAddress withAddress(PostalAddress changed) {
        return new SavedAddress(id, owner, changed, createdAt);
    }
}

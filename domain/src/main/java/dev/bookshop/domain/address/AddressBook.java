package dev.bookshop.domain.address;

/** The rules of a customer's address book as a whole. */
public final class AddressBook {

    /** Enough for home, work, family and friends; a bound so no account can fill the store. */
    public static final int MAX_ADDRESSES = 20;

    private AddressBook() {}

    /** Refuses one more address once the book holds {@link #MAX_ADDRESSES}. */
    public static void requireRoomForOneMore(int saved) {
        if (saved >= MAX_ADDRESSES) {
            throw new AddressBookFullException(MAX_ADDRESSES);
        }
    }
}

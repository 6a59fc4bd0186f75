package dev.bookshop.application.address.port.in;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.user.UserId;

/**
 * Saves an address in the caller's book.
 *
 * @throws dev.bookshop.domain.address.AddressBookFullException when the book already holds
 *     {@link dev.bookshop.domain.address.AddressBook#MAX_ADDRESSES}; counted under the account's lock, so concurrent
 *     adds cannot pass the bound together
 * @throws dev.bookshop.domain.user.UserInactiveException when the account is deactivated or erased
 */
public interface AddAddressUseCase {
    SavedAddress addAddress(UserId userId, PostalAddress address);
}

package dev.bookshop.application.address.port.in;

import dev.bookshop.domain.address.AddressChanges;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.user.UserId;

/**
 * Changes the given parts of one of the caller's addresses (see {@link AddressChanges}); the result is checked as a
 * whole, like a new address.
 *
 * @throws dev.bookshop.domain.address.AddressNotFoundException when the id is unknown or another user's
 * @throws dev.bookshop.domain.common.ValidationException naming every broken part
 * @throws dev.bookshop.domain.user.UserInactiveException when the account is deactivated or erased
 */
public interface ChangeAddressUseCase {
    SavedAddress changeAddress(UserId userId, AddressId addressId, AddressChanges changes);
}

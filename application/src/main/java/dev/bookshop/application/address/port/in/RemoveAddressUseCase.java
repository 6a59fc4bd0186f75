package dev.bookshop.application.address.port.in;

import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.user.UserId;

/**
 * Deletes one of the caller's addresses. Orders shipped to it keep their own copy.
 *
 * @throws dev.bookshop.domain.address.AddressNotFoundException when the id is unknown or another user's
 * @throws dev.bookshop.domain.user.UserInactiveException when the account is deactivated or erased
 */
public interface RemoveAddressUseCase {
    void removeAddress(UserId userId, AddressId addressId);
}

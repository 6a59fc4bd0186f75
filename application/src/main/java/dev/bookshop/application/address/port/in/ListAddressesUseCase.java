package dev.bookshop.application.address.port.in;

import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.user.UserId;
import java.util.List;

/** The caller's address book, oldest entry first. */
public interface ListAddressesUseCase {
    List<SavedAddress> listAddresses(UserId userId);
}

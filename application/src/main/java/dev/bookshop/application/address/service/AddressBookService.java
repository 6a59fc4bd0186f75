package dev.bookshop.application.address.service;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.address.port.in.AddAddressUseCase;
import dev.bookshop.application.address.port.in.ChangeAddressUseCase;
import dev.bookshop.application.address.port.in.ListAddressesUseCase;
import dev.bookshop.application.address.port.in.RemoveAddressUseCase;
import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.domain.address.AddressBook;
import dev.bookshop.domain.address.AddressChanges;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.AddressNotFoundException;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserInactiveException;
import java.time.Clock;
import java.util.List;

/**
 * A customer's address book. Every change locks the account first, the lock order the rest of the shop keeps, so
 * changes to one book run one after another and the count behind the bound is never stale.
 */
public final class AddressBookService
        implements ListAddressesUseCase, AddAddressUseCase, ChangeAddressUseCase, RemoveAddressUseCase {

    private final TransactionRunner transactions;
    private final UserRepository users;
    private final AddressBookRepository addresses;
    private final IdGenerator ids;
    private final Clock clock;

    public AddressBookService(
            TransactionRunner transactions,
            UserRepository users,
            AddressBookRepository addresses,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.addresses = addresses;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public List<SavedAddress> listAddresses(UserId userId) {
        return transactions.inTransaction(() -> addresses.findAllOfUser(userId));
    }

    @Override
    public SavedAddress addAddress(UserId userId, PostalAddress address) {
        return transactions.inTransaction(() -> {
            lockActive(userId);
            AddressBook.requireRoomForOneMore(addresses.countOfUser(userId));
            SavedAddress saved = new SavedAddress(AddressId.of(ids.newId()), userId, address, clock.instant());
            addresses.insert(saved);
            return saved;
        });
    }

    @Override
    public SavedAddress changeAddress(UserId userId, AddressId addressId, AddressChanges changes) {
        return transactions.inTransaction(() -> {
            lockActive(userId);
            SavedAddress current =
                    addresses.findById(userId, addressId).orElseThrow(() -> new AddressNotFoundException(addressId));
            SavedAddress changed = current.withAddress(changes.applyTo(current.address()));
            addresses.update(changed);
            return changed;
        });
    }

    @Override
    public void removeAddress(UserId userId, AddressId addressId) {
        transactions.inTransaction(() -> {
            lockActive(userId);
            if (!addresses.delete(userId, addressId)) {
                throw new AddressNotFoundException(addressId);
            }
        });
    }

    private void lockActive(UserId userId) {
        users.findByIdForUpdate(userId)
                .orElseThrow(() -> new UserInactiveException(userId))
                .requireActive();
    }
}

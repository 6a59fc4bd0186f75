package dev.bookshop.adapters.persistence.contract.usecases.address;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.domain.address.AddressBook;
import dev.bookshop.domain.address.AddressChanges;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * A customer's address book: saving, listing, changing and deleting addresses, the bound on how many, and erasure.
 * Every adapter subclasses it once; each test makes its own users.
 */
public abstract class AddressBookUseCases extends UseCaseTestBase {

    private static PostalAddress home() {
        return PostalAddress.of(
                "Ann Reader", "Hauptstraße 1", "Hinterhaus", "Berlin", "10115", "Berlin", "DE", "+49 30 1234567");
    }

    private static PostalAddress numbered(int n) {
        return PostalAddress.of("Friend " + n, n + " Main Street", null, "Dublin", "D02 X285", null, "IE", null);
    }

    private SavedAddress add(User user, PostalAddress address) {
        return shop.addAddress().addAddress(user.id(), address);
    }

    private List<SavedAddress> bookOf(User user) {
        return shop.listAddresses().listAddresses(user.id());
    }

    private static AddressChanges changing(String line1, String line2, String phone) {
        return new AddressChanges(
                Optional.empty(),
                Optional.ofNullable(line1),
                Optional.ofNullable(line2),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(phone));
    }

    @Test
    void aSavedAddressIsListedOldestFirstAndBelongsToItsOwnerOnly() {
        User ann = customer();
        SavedAddress first = add(ann, home());
        clock.advance(Duration.ofMinutes(1));
        SavedAddress second = add(ann, numbered(2));

        assertThat(first.owner()).isEqualTo(ann.id());
        assertThat(first.address()).isEqualTo(home());
        assertThat(first.createdAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(bookOf(ann)).containsExactly(first, second);
        assertThat(bookOf(customer())).isEmpty();
    }

    @Test
    void addressesSavedAtOneInstantKeepTheOrderTheyWereSavedIn() {
        User ann = customer();
        List<SavedAddress> saved = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            saved.add(add(ann, numbered(i)));
        }

        assertThat(bookOf(ann)).containsExactlyElementsOf(saved);
    }

    @Test
    void aChangeReplacesTheGivenPartsKeepsTheRestAndABlankClearsAnOptionalPart() {
        User ann = customer();
        SavedAddress saved = add(ann, home());
        SavedAddress other = add(ann, numbered(1));

        SavedAddress changed =
                shop.changeAddress().changeAddress(ann.id(), saved.id(), changing("Torstraße 9", "", null));

        PostalAddress expected = PostalAddress.of(
                "Ann Reader", "Torstraße 9", null, "Berlin", "10115", "Berlin", "DE", "+49 30 1234567");
        assertThat(changed).isEqualTo(saved.withAddress(expected));
        assertThat(bookOf(ann)).containsExactly(changed, other);
    }

    @Test
    void aChangeThatBreaksARuleNamesEveryBrokenPartAndWritesNothing() {
        User ann = customer();
        SavedAddress saved = add(ann, home());
        AddressChanges broken = new AddressChanges(
                Optional.of(" "),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("9".repeat(21)),
                Optional.empty(),
                Optional.of("XX"),
                Optional.of("call me"));

        assertRefused(
                () -> shop.changeAddress().changeAddress(ann.id(), saved.id(), broken), ErrorCode.VALIDATION_FAILED);

        assertThat(bookOf(ann)).containsExactly(saved);
    }

    @Test
    void anotherUsersAddressAndAnUnknownOneAreNotFoundAndUntouched() {
        User ann = customer();
        User intruder = customer();
        SavedAddress anns = add(ann, home());
        AddressId unknown = AddressId.of(UUID.randomUUID());

        assertRefused(
                () -> shop.changeAddress().changeAddress(intruder.id(), anns.id(), changing("Elsewhere 1", null, null)),
                ErrorCode.ADDRESS_NOT_FOUND);
        assertRefused(
                () -> shop.changeAddress().changeAddress(intruder.id(), unknown, changing("Elsewhere 1", null, null)),
                ErrorCode.ADDRESS_NOT_FOUND);
        assertRefused(() -> shop.removeAddress().removeAddress(intruder.id(), anns.id()), ErrorCode.ADDRESS_NOT_FOUND);
        assertRefused(() -> shop.removeAddress().removeAddress(intruder.id(), unknown), ErrorCode.ADDRESS_NOT_FOUND);

        assertThat(bookOf(ann)).containsExactly(anns);
        assertThat(bookOf(intruder)).isEmpty();
    }

    @Test
    void aDeletedAddressIsGoneAndDeletingItAgainIsNotFound() {
        User ann = customer();
        SavedAddress gone = add(ann, home());
        SavedAddress kept = add(ann, numbered(1));

        shop.removeAddress().removeAddress(ann.id(), gone.id());

        assertThat(bookOf(ann)).containsExactly(kept);
        assertRefused(() -> shop.removeAddress().removeAddress(ann.id(), gone.id()), ErrorCode.ADDRESS_NOT_FOUND);
        assertRefused(
                () -> shop.changeAddress().changeAddress(ann.id(), gone.id(), AddressChanges.none()),
                ErrorCode.ADDRESS_NOT_FOUND);
    }

    @Test
    void theBookHoldsTwentyAddressesAndTheTwentyFirstIsRefusedUntilOneIsDeleted() {
        User ann = customer();
        List<SavedAddress> saved = new ArrayList<>();
        for (int i = 0; i < AddressBook.MAX_ADDRESSES; i++) {
            saved.add(add(ann, numbered(i)));
        }

        assertRefused(() -> add(ann, home()), ErrorCode.ADDRESS_BOOK_FULL);
        assertThat(bookOf(ann)).hasSize(AddressBook.MAX_ADDRESSES);
        // The bound is per account.
        assertThat(add(customer(), home())).isNotNull();

        shop.removeAddress().removeAddress(ann.id(), saved.getFirst().id());
        SavedAddress again = add(ann, home());
        assertThat(bookOf(ann)).hasSize(AddressBook.MAX_ADDRESSES).last().isEqualTo(again);
    }

    @Test
    void concurrentAddsNeverPassTheBound() throws Exception {
        User ann = customer();
        for (int i = 0; i < AddressBook.MAX_ADDRESSES - 3; i++) {
            add(ann, numbered(i));
        }
        List<Callable<String>> adds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = 100 + i;
            adds.add(() -> {
                try {
                    add(ann, numbered(n));
                    return "added";
                } catch (DomainException refusal) {
                    return refusal.code().name();
                }
            });
        }

        List<String> outcomes = race(adds);

        assertThat(outcomes).filteredOn("added"::equals).hasSize(3);
        assertThat(outcomes)
                .filteredOn(ErrorCode.ADDRESS_BOOK_FULL.name()::equals)
                .hasSize(9);
        assertThat(bookOf(ann)).hasSize(AddressBook.MAX_ADDRESSES);
    }

    @Test
    void aDeactivatedAccountMayReadItsBookButNotChangeIt() {
        User ann = customer();
        SavedAddress saved = add(ann, home());
        deactivate(ann);

        assertThat(bookOf(ann)).containsExactly(saved);
        assertRefused(() -> add(ann, numbered(1)), ErrorCode.USER_INACTIVE);
        assertRefused(
                () -> shop.changeAddress().changeAddress(ann.id(), saved.id(), AddressChanges.none()),
                ErrorCode.USER_INACTIVE);
        assertRefused(() -> shop.removeAddress().removeAddress(ann.id(), saved.id()), ErrorCode.USER_INACTIVE);
        assertThat(bookOf(ann)).containsExactly(saved);
    }

    @Test
    void theExportHoldsTheBookOldestFirst() {
        User ann = customer();
        SavedAddress first = add(ann, home());
        clock.advance(Duration.ofSeconds(1));
        SavedAddress second = add(ann, numbered(1));

        assertThat(shop.exportAccountData().exportAccount(ann.id()).addresses()).containsExactly(first, second);
        assertThat(shop.exportAccountData().exportAccount(customer().id()).addresses())
                .isEmpty();
    }

    @Test
    void erasureDeletesTheBookAndLeavesOtherBooksAlone() {
        User ann = customer();
        User bob = customer();
        add(ann, home());
        add(ann, numbered(1));
        SavedAddress bobs = add(bob, home());

        shop.eraseAccount().eraseAccount(ann.id(), PASSWORD);

        assertThat(bookOf(ann)).isEmpty();
        assertThat(store.transactions().inTransaction(() -> store.addressBook().countOfUser(ann.id())))
                .isZero();
        assertThat(bookOf(bob)).containsExactly(bobs);
        assertRefused(() -> add(ann, home()), ErrorCode.USER_INACTIVE);
    }
}

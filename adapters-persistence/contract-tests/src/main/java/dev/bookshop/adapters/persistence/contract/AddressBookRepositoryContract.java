package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code AddressBookRepository} must do. */
public abstract class AddressBookRepositoryContract extends PersistenceContract {

    private static PostalAddress full() {
        return PostalAddress.of(
                "Ann Reader",
                "Hauptstraße 1",
                "Hinterhaus, 3. OG",
                "Berlin",
                "10115",
                "Berlin",
                "DE",
                "+49 30 1234567");
    }

    private static PostalAddress bare(String name) {
        return PostalAddress.of(name, "1 Main Street", null, "Dublin", "D02 X285", null, "IE", null);
    }

    private static SavedAddress entry(UserId owner, PostalAddress address, Instant at) {
        return new SavedAddress(AddressId.of(UUID.randomUUID()), owner, address, at);
    }

    private SavedAddress given(SavedAddress address) {
        inTx(() -> ports.addressBook().insert(address));
        return address;
    }

    @Test
    void roundTripsEveryPartAndAbsentOptionalParts() {
        User ann = givenUser();
        SavedAddress full = given(entry(ann.id(), full(), TestData.now()));
        SavedAddress bare = given(entry(ann.id(), bare("Ann"), TestData.now().plusSeconds(1)));

        assertThat(inTx(() -> ports.addressBook().findById(ann.id(), full.id())))
                .contains(full);
        assertThat(inTx(() -> ports.addressBook().findById(ann.id(), bare.id())))
                .contains(bare);
        assertThat(inTx(() -> ports.addressBook().findById(ann.id(), AddressId.of(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void anEntryIsVisibleToItsOwnerOnly() {
        User ann = givenUser();
        User bob = givenUser();
        SavedAddress anns = given(entry(ann.id(), full(), TestData.now()));

        assertThat(inTx(() -> ports.addressBook().findById(bob.id(), anns.id())))
                .isEmpty();
        assertThat(inTx(() -> ports.addressBook().findAllOfUser(bob.id()))).isEmpty();
        assertThat(inTx(() -> ports.addressBook().countOfUser(bob.id()))).isZero();
        SavedAddress bobsAttempt = new SavedAddress(anns.id(), bob.id(), bare("Bob"), anns.createdAt());
        assertThat(inTx(() -> ports.addressBook().update(bobsAttempt))).isFalse();
        assertThat(inTx(() -> ports.addressBook().delete(bob.id(), anns.id()))).isFalse();

        assertThat(inTx(() -> ports.addressBook().findById(ann.id(), anns.id())))
                .contains(anns);
    }

    @Test
    void listsTheOwnersEntriesOldestFirstAndEntriesOfOneInstantInTheOrderSaved() {
        User ann = givenUser();
        Instant now = TestData.now();
        SavedAddress later = entry(ann.id(), bare("Later"), now.plusSeconds(60));
        given(later);
        List<SavedAddress> sameInstant = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sameInstant.add(given(entry(ann.id(), bare("Same " + i), now)));
        }
        given(entry(givenUser().id(), bare("Someone else"), now));

        List<SavedAddress> expected = new ArrayList<>(sameInstant);
        expected.add(later);
        assertThat(inTx(() -> ports.addressBook().findAllOfUser(ann.id()))).containsExactlyElementsOf(expected);
        assertThat(inTx(() -> ports.addressBook().countOfUser(ann.id()))).isEqualTo(6);
    }

    @Test
    void anUpdateWritesTheAddressClearingWhatItNoLongerHasAndKeepsItsPlace() {
        User ann = givenUser();
        Instant now = TestData.now();
        SavedAddress first = given(entry(ann.id(), full(), now));
        SavedAddress second = given(entry(ann.id(), bare("Second"), now));

        SavedAddress changed = first.withAddress(bare("Ann at work"));
        assertThat(inTx(() -> ports.addressBook().update(changed))).isTrue();

        assertThat(inTx(() -> ports.addressBook().findAllOfUser(ann.id()))).containsExactly(changed, second);
        assertThat(inTx(() -> ports.addressBook().update(entry(ann.id(), full(), now))))
                .isFalse();
    }

    @Test
    void deleteRemovesOneEntryAndDeleteAllOfUserEveryEntryOfThatUserOnly() {
        User ann = givenUser();
        User bob = givenUser();
        SavedAddress one = given(entry(ann.id(), bare("One"), TestData.now()));
        SavedAddress two = given(entry(ann.id(), bare("Two"), TestData.now()));
        given(entry(ann.id(), bare("Three"), TestData.now()));
        SavedAddress bobs = given(entry(bob.id(), bare("Bob"), TestData.now()));

        assertThat(inTx(() -> ports.addressBook().delete(ann.id(), one.id()))).isTrue();
        assertThat(inTx(() -> ports.addressBook().delete(ann.id(), one.id()))).isFalse();
        assertThat(inTx(() -> ports.addressBook().findById(ann.id(), one.id()))).isEmpty();
        assertThat(inTx(() -> ports.addressBook().findById(ann.id(), two.id()))).contains(two);

        assertThat(inTx(() -> ports.addressBook().deleteAllOfUser(ann.id()))).isEqualTo(2);
        assertThat(inTx(() -> ports.addressBook().findAllOfUser(ann.id()))).isEmpty();
        assertThat(inTx(() -> ports.addressBook().findAllOfUser(bob.id()))).containsExactly(bobs);
    }

    @Test
    void anEntryNeedsAnExistingOwnerAndAFreshId() {
        SavedAddress orphan = entry(UserId.of(UUID.randomUUID()), full(), TestData.now());
        assertThatThrownBy(() -> inTx(() -> ports.addressBook().insert(orphan))).isInstanceOf(RuntimeException.class);

        User ann = givenUser();
        SavedAddress saved = given(entry(ann.id(), full(), TestData.now()));
        assertThatThrownBy(() -> inTx(() -> ports.addressBook().insert(saved))).isInstanceOf(RuntimeException.class);
        assertThat(inTx(() -> ports.addressBook().countOfUser(ann.id()))).isEqualTo(1);
    }

    @Test
    void aRolledBackInsertLeavesNothing() {
        User ann = givenUser();
        assertThatThrownBy(() -> inTx(() -> {
                    ports.addressBook().insert(entry(ann.id(), full(), TestData.now()));
                    throw new IllegalStateException("the use case failed after the insert");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(inTx(() -> ports.addressBook().findAllOfUser(ann.id()))).isEmpty();
    }
}

package dev.bookshop.domain.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostalAddressTest {

    private static PostalAddress home() {
        return PostalAddress.of("Ann Reader", "Hauptstraße 1", null, "Berlin", "10115", null, "DE", null);
    }

    private static List<String> brokenFields(Runnable construction) {
        try {
            construction.run();
        } catch (ValidationException e) {
            return e.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("the address was accepted");
    }

    @Test
    void textIsTrimmedBlankOptionalPartsAreAbsentAndTheCountryIsForgivenItsCase() {
        PostalAddress address = PostalAddress.of(
                "  Ann  ", " Main St 1 ", "  ", " Dublin ", " D02 X285 ", "", " ie ", " +353 (1) 555-0100 ");

        assertThat(address)
                .isEqualTo(new PostalAddress(
                        "Ann",
                        "Main St 1",
                        Optional.empty(),
                        "Dublin",
                        "D02 X285",
                        Optional.empty(),
                        new CountryCode("IE"),
                        Optional.of("+353 (1) 555-0100")));
    }

    @Test
    void eachFieldIsBoundedAtItsLimitAndRefusedOnePast() {
        PostalAddress longest = PostalAddress.of(
                "n".repeat(100),
                "a".repeat(200),
                "b".repeat(200),
                "c".repeat(100),
                "p".repeat(20),
                "r".repeat(100),
                "FR",
                "1".repeat(30));
        assertThat(longest.name()).hasSize(100);

        assertThat(brokenFields(() -> PostalAddress.of(
                        "n".repeat(101),
                        "a".repeat(201),
                        "b".repeat(201),
                        "c".repeat(101),
                        "p".repeat(21),
                        "r".repeat(101),
                        "FR",
                        "1".repeat(31))))
                .containsExactly("name", "line1", "line2", "city", "postalCode", "region", "phone");
    }

    @Test
    void requiredPartsMustNotBeBlankAndEveryBrokenPartIsNamedAtOnce() {
        assertThat(brokenFields(() -> PostalAddress.of(" ", null, null, "", "\t", null, null, null)))
                .containsExactly("name", "line1", "city", "postalCode", "country");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEU", "XX", "EU", "1A", "d e"})
    void aCountryThatIsNoIsoCodeIsRefusedByName(String country) {
        assertThatThrownBy(() -> PostalAddress.of("Ann", "Main St 1", null, "Berlin", "10115", null, country, null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new FieldViolation(
                                        "country", "country must be an ISO 3166-1 alpha-2 code such as DE")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "+49 30 x", "--", "()", "+49/30/1234"})
    void aPhoneHoldsDigitsBlanksAndTheUsualSignsOnly(String phone) {
        assertThat(brokenFields(() -> PostalAddress.of("Ann", "Main St 1", null, "Berlin", "10115", null, "DE", phone)))
                .containsExactly("phone");
    }

    @Test
    void controlCharactersAreRefused() {
        assertThat(brokenFields(
                        () -> PostalAddress.of("Ann\u0000", "Main\u0007St", null, "Berlin", "10115", null, "DE", null)))
                .containsExactly("name", "line1");
    }

    @Test
    void changesReplaceTheGivenPartsKeepTheRestAndABlankClearsAnOptionalOne() {
        PostalAddress before = PostalAddress.of(
                "Ann Reader", "Hauptstraße 1", "Hinterhaus", "Berlin", "10115", "Berlin", "DE", "+49 30 1234");
        AddressChanges changes = new AddressChanges(
                Optional.empty(),
                Optional.of("Torstraße 9"),
                Optional.of(""),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("at"),
                Optional.empty());

        PostalAddress after = changes.applyTo(before);

        assertThat(after)
                .isEqualTo(PostalAddress.of(
                        "Ann Reader", "Torstraße 9", null, "Berlin", "10115", "Berlin", "AT", "+49 30 1234"));
        assertThat(AddressChanges.none().applyTo(before)).isEqualTo(before);
    }

    @Test
    void aChangeCannotBlankARequiredPart() {
        AddressChanges blankName = new AddressChanges(
                Optional.of(" "),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("ZZ"),
                Optional.empty());

        assertThat(brokenFields(() -> blankName.applyTo(home()))).containsExactly("name", "country");
    }

    @Test
    void theBookTakesTwentyAddressesAndRefusesTheTwentyFirst() {
        AddressBook.requireRoomForOneMore(AddressBook.MAX_ADDRESSES - 1);

        assertThatThrownBy(() -> AddressBook.requireRoomForOneMore(AddressBook.MAX_ADDRESSES))
                .isInstanceOfSatisfying(
                        AddressBookFullException.class,
                        e -> assertThat(e.limit()).isEqualTo(20));
    }
}

package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ADDRESSES;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.AddressesRecord;
import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Saved addresses in {@code addresses}; every statement is scoped to the owner, so another's rows never match. */
final class JooqAddressBookRepository implements AddressBookRepository {

    private final DSLContext dsl;

    JooqAddressBookRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(SavedAddress address) {
        PostalAddress postal = address.address();
        dsl.insertInto(ADDRESSES)
                .set(ADDRESSES.ID, address.id().value())
                .set(ADDRESSES.USER_ID, address.owner().value())
                .set(ADDRESSES.NAME, postal.name())
                .set(ADDRESSES.LINE1, postal.line1())
                .set(ADDRESSES.LINE2, postal.line2().orElse(null))
                .set(ADDRESSES.CITY, postal.city())
                .set(ADDRESSES.POSTAL_CODE, postal.postalCode())
                .set(ADDRESSES.REGION, postal.region().orElse(null))
                .set(ADDRESSES.COUNTRY, postal.country().value())
                .set(ADDRESSES.PHONE, postal.phone().orElse(null))
                .set(ADDRESSES.CREATED_AT, address.createdAt())
                .execute();
    }

    @Override
    public List<SavedAddress> findAllOfUser(UserId owner) {
        return dsl.selectFrom(ADDRESSES)
                .where(ADDRESSES.USER_ID.eq(owner.value()))
                .orderBy(ADDRESSES.CREATED_AT, ADDRESSES.SEQ)
                .fetch(JooqAddressBookRepository::toDomain);
    }

    @Override
    public int countOfUser(UserId owner) {
        return dsl.fetchCount(ADDRESSES, ADDRESSES.USER_ID.eq(owner.value()));
    }

    @Override
    public Optional<SavedAddress> findById(UserId owner, AddressId id) {
        return dsl.selectFrom(ADDRESSES)
                .where(ADDRESSES.ID.eq(id.value()))
                .and(ADDRESSES.USER_ID.eq(owner.value()))
                .fetchOptional()
                .map(JooqAddressBookRepository::toDomain);
    }

    @Override
    public boolean update(SavedAddress address) {
        PostalAddress changed = address.address();
        return dsl.update(ADDRESSES)
                        .set(ADDRESSES.NAME, changed.name())
                        .set(ADDRESSES.LINE1, changed.line1())
                        .set(ADDRESSES.LINE2, changed.line2().orElse(null))
                        .set(ADDRESSES.CITY, changed.city())
                        .set(ADDRESSES.POSTAL_CODE, changed.postalCode())
                        .set(ADDRESSES.REGION, changed.region().orElse(null))
                        .set(ADDRESSES.COUNTRY, changed.country().value())
                        .set(ADDRESSES.PHONE, changed.phone().orElse(null))
                        .where(ADDRESSES.ID.eq(address.id().value()))
                        .and(ADDRESSES.USER_ID.eq(address.owner().value()))
                        .execute()
                == 1;
    }

    @Override
    public boolean delete(UserId owner, AddressId id) {
        return dsl.deleteFrom(ADDRESSES)
                        .where(ADDRESSES.ID.eq(id.value()))
                        .and(ADDRESSES.USER_ID.eq(owner.value()))
                        .execute()
                == 1;
    }

    @Override
    public int deleteAllOfUser(UserId owner) {
        return dsl.deleteFrom(ADDRESSES)
                .where(ADDRESSES.USER_ID.eq(owner.value()))
                .execute();
    }

    private static SavedAddress toDomain(AddressesRecord row) {
        return new SavedAddress(
                AddressId.of(row.getId()),
                UserId.of(row.getUserId()),
                new PostalAddress(
                        row.getName(),
                        row.getLine1(),
                        Optional.ofNullable(row.getLine2()),
                        row.getCity(),
                        row.getPostalCode(),
                        Optional.ofNullable(row.getRegion()),
                        new CountryCode(row.getCountry()),
                        Optional.ofNullable(row.getPhone())),
                row.getCreatedAt());
    }
}

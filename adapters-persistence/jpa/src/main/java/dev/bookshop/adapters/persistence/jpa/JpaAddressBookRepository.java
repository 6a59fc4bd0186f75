package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Saved addresses in {@code addresses}; every query is scoped to the owner, so another's rows never match. */
final class JpaAddressBookRepository implements AddressBookRepository {

    private final JpaTransactionRunner transactions;

    JpaAddressBookRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(SavedAddress address) {
        transactions.run(em -> {
            AddressEntity row = new AddressEntity();
            row.id = address.id().value();
            row.userId = address.owner().value();
            row.createdAt = address.createdAt();
            write(row, address.address());
            em.persist(row);
            // Written now, so the database numbers it (seq) in the order the entries were saved.
            em.flush();
        });
    }

    @Override
    public List<SavedAddress> findAllOfUser(UserId owner) {
        return transactions.call(em -> em
                .createQuery(
                        "select a from AddressEntity a where a.userId = :owner order by a.createdAt, a.seq",
                        AddressEntity.class)
                .setParameter("owner", owner.value())
                .getResultList()
                .stream()
                .map(JpaAddressBookRepository::toDomain)
                .toList());
    }

    @Override
    public int countOfUser(UserId owner) {
        return transactions.call(
                em -> em.createQuery("select count(a) from AddressEntity a where a.userId = :owner", Long.class)
                        .setParameter("owner", owner.value())
                        .getSingleResult()
                        .intValue());
    }

    @Override
    public Optional<SavedAddress> findById(UserId owner, AddressId id) {
        return transactions.call(
                em -> owned(em.find(AddressEntity.class, id.value()), owner).map(JpaAddressBookRepository::toDomain));
    }

    @Override
    public boolean update(SavedAddress address) {
        return transactions.call(em -> {
            Optional<AddressEntity> row =
                    owned(em.find(AddressEntity.class, address.id().value()), address.owner());
            row.ifPresent(r -> write(r, address.address()));
            return row.isPresent();
        });
    }

    @Override
    public boolean delete(UserId owner, AddressId id) {
        return transactions.call(
                em -> em.createQuery("delete from AddressEntity a where a.id = :id and a.userId = :owner")
                                .setParameter("id", id.value())
                                .setParameter("owner", owner.value())
                                .executeUpdate()
                        == 1);
    }

    @Override
    public int deleteAllOfUser(UserId owner) {
        return transactions.call(em -> em.createQuery("delete from AddressEntity a where a.userId = :owner")
                .setParameter("owner", owner.value())
                .executeUpdate());
    }

    private static Optional<AddressEntity> owned(AddressEntity row, UserId owner) {
        return Optional.ofNullable(row).filter(r -> r.userId.equals(owner.value()));
    }

    private static void write(AddressEntity row, PostalAddress address) {
        row.name = address.name();
        row.line1 = address.line1();
        row.line2 = address.line2().orElse(null);
        row.city = address.city();
        row.postalCode = address.postalCode();
        row.region = address.region().orElse(null);
        row.country = address.country().value();
        row.phone = address.phone().orElse(null);
    }

    private static SavedAddress toDomain(AddressEntity row) {
        return new SavedAddress(
                AddressId.of(row.id),
                UserId.of(row.userId),
                new PostalAddress(
                        row.name,
                        row.line1,
                        Optional.ofNullable(row.line2),
                        row.city,
                        row.postalCode,
                        Optional.ofNullable(row.region),
                        new CountryCode(row.country),
                        Optional.ofNullable(row.phone)),
                row.createdAt);
    }
}

package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.discount.port.out.DiscountCodeRepository;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.discount.DiscountKind;
import dev.bookshop.domain.discount.DiscountTerms;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Discount codes in {@code discount_codes} and their redemptions in {@code discount_redemptions}. A redemption's
 * change to {@code times_redeemed} goes through the code's managed entity, read fresh under the row lock, so the
 * count written back is never a stale one.
 */
final class JpaDiscountCodeRepository implements DiscountCodeRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JpaTransactionRunner transactions;

    JpaDiscountCodeRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    /** The unique key on the code decides: of two concurrent inserts of one text, one stores nothing. */
    @Override
    public boolean insertIfCodeFree(DiscountCode code) {
        DiscountTerms t = code.terms();
        return transactions.call(em -> em.createQuery("""
                                insert into DiscountCodeEntity (id, code, kind, value, minSubtotalCents, startsAt,
                                    endsAt, maxRedemptions, maxPerCustomer, active, timesRedeemed, createdAt)
                                values (:id, :code, :kind, :value, :minSubtotal, :startsAt, :endsAt,
                                    :maxRedemptions, :maxPerCustomer, :active, 0, :createdAt)
                                on conflict (code) do nothing""")
                        .setParameter("id", code.id().value())
                        .setParameter("code", t.code())
                        .setParameter("kind", t.kind().name())
                        .setParameter("value", t.value())
                        .setParameter(
                                "minSubtotal", t.minSubtotal().map(Money::cents).orElse(null))
                        .setParameter("startsAt", t.startsAt().orElse(null))
                        .setParameter("endsAt", t.endsAt().orElse(null))
                        .setParameter("maxRedemptions", t.maxRedemptions().orElse(null))
                        .setParameter("maxPerCustomer", t.maxPerCustomer().orElse(null))
                        .setParameter("active", t.active())
                        .setParameter("createdAt", code.createdAt())
                        .executeUpdate()
                == 1);
    }

    /**
     * Plain JDBC under a savepoint: a concurrent rename to the same text loses on the unique key without ending the
     * transaction. The managed entity, if any, is refreshed afterwards so later reads see the change.
     */
    @Override
    public boolean updateIfCodeFree(DiscountCode code) {
        DiscountTerms t = code.terms();
        return transactions.call(em -> {
            em.flush();
            boolean updated = em.unwrap(Session.class).doReturningWork(connection -> {
                Savepoint savepoint = connection.setSavepoint();
                try (PreparedStatement update = connection.prepareStatement("""
                        update discount_codes
                        set code = ?, kind = ?, value = ?, min_subtotal_cents = ?, starts_at = ?, ends_at = ?,
                            max_redemptions = ?, max_per_customer = ?, active = ?
                        where id = ?""")) {
                    update.setString(1, t.code());
                    update.setString(2, t.kind().name());
                    update.setLong(3, t.value());
                    update.setObject(4, t.minSubtotal().map(Money::cents).orElse(null), Types.BIGINT);
                    update.setObject(
                            5,
                            t.startsAt().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(
                            6,
                            t.endsAt().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(7, t.maxRedemptions().orElse(null), Types.INTEGER);
                    update.setObject(8, t.maxPerCustomer().orElse(null), Types.INTEGER);
                    update.setBoolean(9, t.active());
                    update.setObject(10, code.id().value());
                    int rows = update.executeUpdate();
                    connection.releaseSavepoint(savepoint);
                    return rows == 1;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(savepoint);
                    return false;
                }
            });
            if (updated) {
                DiscountCodeEntity managed =
                        em.find(DiscountCodeEntity.class, code.id().value());
                em.refresh(managed);
            }
            return updated;
        });
    }

    @Override
    public Optional<DiscountCode> findById(DiscountCodeId id) {
        return transactions.call(em -> Optional.ofNullable(em.find(DiscountCodeEntity.class, id.value()))
                .map(JpaDiscountCodeRepository::toDomain));
    }

    @Override
    public Optional<DiscountCode> findByIdForUpdate(DiscountCodeId id) {
        return transactions.call(em -> lock(em, id.value()).map(JpaDiscountCodeRepository::toDomain));
    }

    @Override
    public Optional<DiscountCode> findByCode(String code) {
        return transactions.call(em -> idOf(em, code)
                .map(id -> em.find(DiscountCodeEntity.class, id))
                .map(JpaDiscountCodeRepository::toDomain));
    }

    @Override
    public Optional<DiscountCode> findByCodeForUpdate(String code) {
        return transactions.call(
                em -> idOf(em, code).flatMap(id -> lock(em, id)).map(JpaDiscountCodeRepository::toDomain));
    }

    @Override
    public List<DiscountCode> findAll() {
        return transactions.call(em -> em.createQuery(
                        "select d from DiscountCodeEntity d order by collate(d.code as " + Collations.CODE_POINT + ")",
                        DiscountCodeEntity.class)
                .getResultStream()
                .map(JpaDiscountCodeRepository::toDomain)
                .toList());
    }

    @Override
    public int countRedemptionsBy(DiscountCodeId code, UserId customer) {
        return transactions.call(em -> em.createQuery(
                        "select count(r) from DiscountRedemptionEntity r"
                                + " where r.codeId = :code and r.customerId = :customer",
                        Long.class)
                .setParameter("code", code.value())
                .setParameter("customer", customer.value())
                .getSingleResult()
                .intValue());
    }

    /** The caller holds the code's lock, so its managed entity is fresh and the count written back is exact. */
    @Override
    public void insertRedemption(DiscountCodeId code, OrderId order, UserId customer, Instant at) {
        transactions.run(em -> {
            DiscountCodeEntity row = em.find(DiscountCodeEntity.class, code.value());
            if (row == null) {
                throw new IllegalStateException("foreign key violated: no such discount code " + code);
            }
            DiscountRedemptionEntity redemption = new DiscountRedemptionEntity();
            redemption.orderId = order.value();
            redemption.codeId = code.value();
            redemption.customerId = customer.value();
            redemption.redeemedAt = at;
            em.persist(redemption);
            row.timesRedeemed += 1;
            em.flush();
        });
    }

    @Override
    public boolean deleteRedemption(OrderId order) {
        return transactions.call(em -> {
            DiscountRedemptionEntity redemption = em.find(DiscountRedemptionEntity.class, order.value());
            if (redemption == null) {
                return false;
            }
            em.lock(redemption, LockModeType.PESSIMISTIC_WRITE);
            em.remove(redemption);
            lock(em, redemption.codeId).ifPresent(row -> row.timesRedeemed -= 1);
            em.flush();
            return true;
        });
    }

    private static Optional<UUID> idOf(EntityManager em, String code) {
        return em.createQuery("select d.id from DiscountCodeEntity d where d.code = :code", UUID.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /**
     * Refreshed under the lock: the persistence context may hold the row from an earlier read, older than what
     * another transaction has since committed. Pending changes are flushed first, so the refresh cannot drop them.
     */
    private static Optional<DiscountCodeEntity> lock(EntityManager em, UUID id) {
        DiscountCodeEntity row = em.find(DiscountCodeEntity.class, id);
        if (row == null) {
            return Optional.empty();
        }
        em.flush();
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(row);
    }

    private static DiscountCode toDomain(DiscountCodeEntity row) {
        return DiscountCode.rehydrate(
                DiscountCodeId.of(row.id),
                new DiscountTerms(
                        row.code,
                        DiscountKind.valueOf(row.kind),
                        row.value,
                        Optional.ofNullable(row.minSubtotalCents).map(Money::ofCents),
                        Optional.ofNullable(row.startsAt),
                        Optional.ofNullable(row.endsAt),
                        Optional.ofNullable(row.maxRedemptions),
                        Optional.ofNullable(row.maxPerCustomer),
                        row.active),
                row.timesRedeemed,
                row.createdAt);
    }
}

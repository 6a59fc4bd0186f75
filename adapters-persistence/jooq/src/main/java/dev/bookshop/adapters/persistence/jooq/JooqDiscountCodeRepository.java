package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.DISCOUNT_CODES;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.DISCOUNT_REDEMPTIONS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.DiscountCodesRecord;
import dev.bookshop.application.discount.port.out.DiscountCodeRepository;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.discount.DiscountKind;
import dev.bookshop.domain.discount.DiscountTerms;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Discount codes in {@code discount_codes}, their redemptions in {@code discount_redemptions}; the code's row keeps
 * {@code times_redeemed} in step with its redemptions, written in the statement that inserts or deletes one.
 */
final class JooqDiscountCodeRepository implements DiscountCodeRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext dsl;

    JooqDiscountCodeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The unique key on the code decides: of two concurrent inserts of one text, one stores nothing. */
    @Override
    public boolean insertIfCodeFree(DiscountCode code) {
        DiscountCodesRecord row = dsl.newRecord(DISCOUNT_CODES);
        row.setId(code.id().value());
        copy(code.terms(), row);
        row.setTimesRedeemed(0);
        row.setCreatedAt(code.createdAt());
        return dsl.insertInto(DISCOUNT_CODES)
                        .set(row)
                        .onConflict(DISCOUNT_CODES.CODE)
                        .doNothing()
                        .execute()
                == 1;
    }

    /** Under a savepoint: a concurrent rename to the same text loses on the unique key without ending the transaction. */
    @Override
    public boolean updateIfCodeFree(DiscountCode code) {
        DiscountTerms t = code.terms();
        return dsl.connectionResult(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                int updated = dsl.update(DISCOUNT_CODES)
                        .set(DISCOUNT_CODES.CODE, t.code())
                        .set(DISCOUNT_CODES.KIND, t.kind().name())
                        .set(DISCOUNT_CODES.VALUE, t.value())
                        .set(
                                DISCOUNT_CODES.MIN_SUBTOTAL_CENTS,
                                t.minSubtotal().map(Money::cents).orElse(null))
                        .set(DISCOUNT_CODES.STARTS_AT, t.startsAt().orElse(null))
                        .set(DISCOUNT_CODES.ENDS_AT, t.endsAt().orElse(null))
                        .set(DISCOUNT_CODES.MAX_REDEMPTIONS, t.maxRedemptions().orElse(null))
                        .set(DISCOUNT_CODES.MAX_PER_CUSTOMER, t.maxPerCustomer().orElse(null))
                        .set(DISCOUNT_CODES.ACTIVE, t.active())
                        .where(DISCOUNT_CODES.ID.eq(code.id().value()))
                        .execute();
                connection.releaseSavepoint(savepoint);
                return updated == 1;
            } catch (DataAccessException e) {
                if (!UNIQUE_VIOLATION.equals(e.sqlState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        });
    }

    @Override
    public Optional<DiscountCode> findById(DiscountCodeId id) {
        return dsl.selectFrom(DISCOUNT_CODES)
                .where(DISCOUNT_CODES.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqDiscountCodeRepository::toDomain);
    }

    @Override
    public Optional<DiscountCode> findByIdForUpdate(DiscountCodeId id) {
        return dsl.selectFrom(DISCOUNT_CODES)
                .where(DISCOUNT_CODES.ID.eq(id.value()))
                .forUpdate()
                .fetchOptional()
                .map(JooqDiscountCodeRepository::toDomain);
    }

    @Override
    public Optional<DiscountCode> findByCode(String code) {
        return dsl.selectFrom(DISCOUNT_CODES)
                .where(DISCOUNT_CODES.CODE.eq(code))
                .fetchOptional()
                .map(JooqDiscountCodeRepository::toDomain);
    }

    @Override
    public Optional<DiscountCode> findByCodeForUpdate(String code) {
        return dsl.selectFrom(DISCOUNT_CODES)
                .where(DISCOUNT_CODES.CODE.eq(code))
                .forUpdate()
                .fetchOptional()
                .map(JooqDiscountCodeRepository::toDomain);
    }

    @Override
    public List<DiscountCode> findAll() {
        return dsl.selectFrom(DISCOUNT_CODES)
                .orderBy(DISCOUNT_CODES.CODE.collate("C"))
                .fetch()
                .map(JooqDiscountCodeRepository::toDomain);
    }

    @Override
    public int countRedemptionsBy(DiscountCodeId code, UserId customer) {
        return dsl.fetchCount(
                DISCOUNT_REDEMPTIONS,
                DISCOUNT_REDEMPTIONS
                        .CODE_ID
                        .eq(code.value())
                        .and(DISCOUNT_REDEMPTIONS.CUSTOMER_ID.eq(customer.value())));
    }

    @Override
    public void insertRedemption(DiscountCodeId code, OrderId order, UserId customer, Instant at) {
        dsl.insertInto(DISCOUNT_REDEMPTIONS)
                .set(DISCOUNT_REDEMPTIONS.ORDER_ID, order.value())
                .set(DISCOUNT_REDEMPTIONS.CODE_ID, code.value())
                .set(DISCOUNT_REDEMPTIONS.CUSTOMER_ID, customer.value())
                .set(DISCOUNT_REDEMPTIONS.REDEEMED_AT, at)
                .execute();
        dsl.update(DISCOUNT_CODES)
                .set(DISCOUNT_CODES.TIMES_REDEEMED, DISCOUNT_CODES.TIMES_REDEEMED.plus(1))
                .where(DISCOUNT_CODES.ID.eq(code.value()))
                .execute();
    }

    @Override
    public boolean deleteRedemption(OrderId order) {
        Optional<UUID> code = dsl.deleteFrom(DISCOUNT_REDEMPTIONS)
                .where(DISCOUNT_REDEMPTIONS.ORDER_ID.eq(order.value()))
                .returning(DISCOUNT_REDEMPTIONS.CODE_ID)
                .fetchOptional()
                .map(r -> r.get(DISCOUNT_REDEMPTIONS.CODE_ID));
        code.ifPresent(id -> dsl.update(DISCOUNT_CODES)
                .set(DISCOUNT_CODES.TIMES_REDEEMED, DISCOUNT_CODES.TIMES_REDEEMED.minus(1))
                .where(DISCOUNT_CODES.ID.eq(id))
                .execute());
        return code.isPresent();
    }

    private static void copy(DiscountTerms t, DiscountCodesRecord row) {
        row.setCode(t.code());
        row.setKind(t.kind().name());
        row.setValue(t.value());
        row.setMinSubtotalCents(t.minSubtotal().map(Money::cents).orElse(null));
        row.setStartsAt(t.startsAt().orElse(null));
        row.setEndsAt(t.endsAt().orElse(null));
        row.setMaxRedemptions(t.maxRedemptions().orElse(null));
        row.setMaxPerCustomer(t.maxPerCustomer().orElse(null));
        row.setActive(t.active());
    }

    private static DiscountCode toDomain(DiscountCodesRecord row) {
        return DiscountCode.rehydrate(
                DiscountCodeId.of(row.getId()),
                new DiscountTerms(
                        row.getCode(),
                        DiscountKind.valueOf(row.getKind()),
                        row.getValue(),
                        Optional.ofNullable(row.getMinSubtotalCents()).map(Money::ofCents),
                        Optional.ofNullable(row.getStartsAt()),
                        Optional.ofNullable(row.getEndsAt()),
                        Optional.ofNullable(row.getMaxRedemptions()),
                        Optional.ofNullable(row.getMaxPerCustomer()),
                        row.getActive()),
                row.getTimesRedeemed(),
                row.getCreatedAt());
    }
}

package dev.bookshop.application.discount.port.out;

import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shop's discount codes and their redemptions (one per order placed with a code). A code read from here carries
 * {@code timesRedeemed}: how many redemptions it has now. Codes are looked up by their canonical (upper-case) text.
 */
public interface DiscountCodeRepository {

    /** Stores a new code unless another reads the same; answers false, writing nothing, when one does. */
    boolean insertIfCodeFree(DiscountCode code);

    /**
     * Replaces the terms of the stored code of the same id unless another code reads the same as its new text;
     * answers false, writing nothing, when one does. {@code timesRedeemed} is not written: redemptions count it.
     */
    boolean updateIfCodeFree(DiscountCode code);

    Optional<DiscountCode> findById(DiscountCodeId id);

    /** As {@link #findByCodeForUpdate}, by id. */
    Optional<DiscountCode> findByIdForUpdate(DiscountCodeId id);

    Optional<DiscountCode> findByCode(String code);

    /**
     * The code, its row locked until the transaction ends, read after the lock was taken: a checkout that redeems
     * holds this lock while it checks and inserts, so concurrent checkouts with one code take turns and each sees the
     * redemptions the ones before it committed. Call inside a transaction.
     */
    Optional<DiscountCode> findByCodeForUpdate(String code);

    /** Every code, by its text. */
    List<DiscountCode> findAll();

    /** How many redemptions of the code belong to orders of {@code customer}. */
    int countRedemptionsBy(DiscountCodeId code, UserId customer);

    /**
     * Records that {@code order}, placed by {@code customer}, carries the code, and counts it in the code's
     * {@code timesRedeemed}, in one transaction; an order carries at most one. Call holding the code's lock.
     */
    void insertRedemption(DiscountCodeId code, OrderId order, UserId customer, Instant at);

    /**
     * Deletes the order's redemption and takes it off its code's {@code timesRedeemed}, locking the code's row; answers
     * whether there was one, so a second give-back does nothing.
     */
    boolean deleteRedemption(OrderId order);
}

package dev.bookshop.adapters.persistence.contract.usecases.discount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.cart.port.in.CartView;
import dev.bookshop.application.discount.port.in.DiscountDefinition;
import dev.bookshop.application.order.port.in.CheckoutRequest;
import dev.bookshop.application.order.port.in.CheckoutResult;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.order.CheckoutQuote;
import dev.bookshop.domain.order.DiscountInvalidException;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Discount codes: the admin's codes, applying one to a cart (an account's or a guest's), checkout redeeming it within
 * its limits under any concurrency, and a failed order giving it back. Every adapter subclasses it once.
 */
public abstract class DiscountUseCases extends UseCaseTestBase {

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static DiscountDefinition define(String code, String kind, long value) {
        return new DiscountDefinition(
                Optional.of(code),
                Optional.of(kind),
                Optional.of(value),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static DiscountDefinition limits(DiscountDefinition d, Integer maxRedemptions, Integer maxPerCustomer) {
        return new DiscountDefinition(
                d.code(),
                d.kind(),
                d.value(),
                d.minSubtotal(),
                d.startsAt(),
                d.endsAt(),
                Optional.of(Optional.ofNullable(maxRedemptions)),
                Optional.of(Optional.ofNullable(maxPerCustomer)),
                d.active());
    }

    private static DiscountDefinition minimum(DiscountDefinition d, long cents) {
        return new DiscountDefinition(
                d.code(),
                d.kind(),
                d.value(),
                Optional.of(Optional.of(Money.ofCents(cents))),
                d.startsAt(),
                d.endsAt(),
                d.maxRedemptions(),
                d.maxPerCustomer(),
                d.active());
    }

    private static DiscountDefinition window(DiscountDefinition d, Instant startsAt, Instant endsAt) {
        return new DiscountDefinition(
                d.code(),
                d.kind(),
                d.value(),
                d.minSubtotal(),
                Optional.of(Optional.of(startsAt)),
                Optional.of(Optional.of(endsAt)),
                d.maxRedemptions(),
                d.maxPerCustomer(),
                d.active());
    }

    private static DiscountDefinition active(boolean active) {
        return new DiscountDefinition(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(active));
    }

    private DiscountCode create(DiscountDefinition definition) {
        return shop.adminDiscounts().createDiscount(admin.id(), definition);
    }

    private DiscountCode percent(int value) {
        return create(define(fresh("PCT"), "PERCENT", value));
    }

    private DiscountCode stored(DiscountCode code) {
        return store.transactions()
                .inTransaction(() -> store.discountCodes().findById(code.id()))
                .orElseThrow();
    }

    private CartView apply(User user, String code) {
        return shop.cartDiscount().applyDiscount(user.id(), code);
    }

    private static CheckoutRequest withCode(String code) {
        return new CheckoutRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(code));
    }

    private static void assertInvalid(ThrowingCallable call, String reason) {
        assertThatThrownBy(call)
                .isInstanceOf(DiscountInvalidException.class)
                .extracting(e -> ((DiscountInvalidException) e).reason())
                .isEqualTo(reason);
    }

    // ---- the admin's codes -----------------------------------------------------------------------------------

    @Test
    void anAdminCreatesListsAndChangesCodes() {
        DiscountCode spring = create(limits(
                minimum(define(" spring-" + UUID.randomUUID().toString().substring(0, 6), "percent", 15), 2000),
                50,
                1));

        assertThat(spring.code()).isEqualTo(spring.code().toUpperCase()).startsWith("SPRING-");
        assertThat(spring.terms().active()).isTrue();
        assertThat(spring.timesRedeemed()).isZero();
        assertThat(shop.adminDiscounts().listDiscounts(admin.id())).contains(spring);

        DiscountCode off = shop.adminDiscounts().updateDiscount(admin.id(), spring.id(), active(false));
        assertThat(off.terms().active()).isFalse();
        assertThat(off.terms().value()).isEqualTo(15);
        assertThat(off.terms().maxPerCustomer()).contains(1);
        assertThat(stored(spring)).isEqualTo(off);

        DiscountCode unlimited = shop.adminDiscounts()
                .updateDiscount(admin.id(), spring.id(), limits(DiscountDefinition.none(), null, null));
        assertThat(unlimited.terms().maxRedemptions()).isEmpty();
        assertThat(unlimited.terms().maxPerCustomer()).isEmpty();
        assertThat(unlimited.terms().minSubtotal()).contains(Money.ofCents(2000));
    }

    @Test
    void codesAreUniqueIgnoringCase() {
        String text = fresh("ONCE");
        DiscountCode first = create(define(text, "AMOUNT", 500));
        DiscountCode other = percent(10);

        assertRefused(() -> create(define(text.toLowerCase(), "PERCENT", 5)), ErrorCode.DISCOUNT_CODE_TAKEN);
        assertRefused(
                () -> shop.adminDiscounts()
                        .updateDiscount(admin.id(), other.id(), define(text.toLowerCase(), "PERCENT", 10)),
                ErrorCode.DISCOUNT_CODE_TAKEN);
        assertThat(stored(other)).isEqualTo(other);
        assertThat(stored(first)).isEqualTo(first);
    }

    @Test
    void termsThatBreakARuleAreRefusedNamingTheField() {
        assertField(() -> create(define(fresh("P"), "PERCENT", 0)), "value");
        assertField(() -> create(define(fresh("P"), "PERCENT", 101)), "value");
        assertField(() -> create(define(fresh("A"), "AMOUNT", 0)), "value");
        assertField(() -> create(define(fresh("K"), "HALF", 10)), "kind");
        assertField(() -> create(define("no spaces", "AMOUNT", 10)), "code");
        assertField(() -> create(define("", "AMOUNT", 10)), "code");
        assertField(() -> create(limits(define(fresh("L"), "AMOUNT", 10), 0, null)), "maxRedemptions");
        assertField(() -> create(limits(define(fresh("L"), "AMOUNT", 10), null, 0)), "maxPerCustomer");
        assertField(() -> create(window(define(fresh("W"), "AMOUNT", 10), clock.instant(), clock.instant())), "endsAt");
        assertField(
                () -> create(new DiscountDefinition(
                        Optional.empty(),
                        Optional.of("AMOUNT"),
                        Optional.of(1L),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())),
                "code");
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e)
                                .violations()
                                .getFirst()
                                .field())
                        .isEqualTo(field));
    }

    @Test
    void onlyAnAdminManagesCodesAndAnUnknownIdIsNotFound() {
        User customer = customer();
        DiscountCode code = percent(10);

        assertRefused(() -> shop.adminDiscounts().listDiscounts(customer.id()), ErrorCode.NOT_ADMIN);
        assertRefused(
                () -> shop.adminDiscounts().createDiscount(customer.id(), define(fresh("X"), "PERCENT", 10)),
                ErrorCode.NOT_ADMIN);
        assertRefused(
                () -> shop.adminDiscounts().updateDiscount(customer.id(), code.id(), active(false)),
                ErrorCode.NOT_ADMIN);
        assertRefused(
                () -> shop.adminDiscounts()
                        .updateDiscount(admin.id(), DiscountCodeId.of(UUID.randomUUID()), active(false)),
                ErrorCode.DISCOUNT_CODE_NOT_FOUND);
    }

    // ---- a cart's code ---------------------------------------------------------------------------------------

    @Test
    void anAppliedCodeShowsItsDiscountAndTheDiscountedTotal() {
        User user = customer();
        Product book = book("Discounted", 1999, 10);
        add(user, book, 2);
        DiscountCode code = percent(10);

        CartView view = apply(user, code.code().toLowerCase());

        assertThat(view.discount()).contains(new CartView.Discount(code.code(), Money.ofCents(399)));
        assertThat(view.total()).isEqualTo(Money.ofCents(3998 - 399));
        assertThat(shop.getCart().getCart(user.id()).discount()).isEqualTo(view.discount());

        CartView removed = shop.cartDiscount().removeDiscount(user.id());
        assertThat(removed.discount()).isEmpty();
        assertThat(removed.total()).isEqualTo(Money.ofCents(3998));
        assertThat(shop.getCart().getCart(user.id()).discount()).isEmpty();
    }

    @Test
    void anAmountNeverTakesTheTotalBelowZero() {
        User user = customer();
        add(user, book("Cheap", 300, 10), 1);
        DiscountCode big = create(define(fresh("BIG"), "AMOUNT", 5000));

        CartView view = apply(user, big.code());

        assertThat(view.discount().orElseThrow().amount()).isEqualTo(Money.ofCents(300));
        assertThat(view.total()).isEqualTo(Money.ZERO);
        Order order = orderOf(checkout(user));
        assertThat(order.total()).isEqualTo(Money.ZERO);
        assertThat(order.amounts().discount()).isEqualTo(Money.ofCents(300));
    }

    @Test
    void everyReasonACodeTakesNothingOffIsToldApart() {
        User user = customer();
        add(user, book("Reasons", 1000, 10), 1);
        Instant now = clock.instant();

        assertInvalid(() -> apply(user, "NO-SUCH-CODE"), DiscountInvalidException.UNKNOWN);
        assertInvalid(() -> apply(user, "not a code at all!"), DiscountInvalidException.UNKNOWN);
        DiscountCode off = percent(10);
        shop.adminDiscounts().updateDiscount(admin.id(), off.id(), active(false));
        assertInvalid(() -> apply(user, off.code()), DiscountCode.INACTIVE);
        DiscountCode later =
                create(window(define(fresh("LATER"), "PERCENT", 10), now.plusSeconds(60), now.plusSeconds(120)));
        assertInvalid(() -> apply(user, later.code()), DiscountCode.NOT_STARTED);
        DiscountCode past = create(window(define(fresh("PAST"), "PERCENT", 10), now.minusSeconds(120), now));
        assertInvalid(() -> apply(user, past.code()), DiscountCode.ENDED);
        DiscountCode big = create(minimum(define(fresh("BIG"), "PERCENT", 10), 1001));
        assertInvalid(() -> apply(user, big.code()), DiscountCode.BELOW_MINIMUM);

        DiscountCode single = create(limits(define(fresh("ONE"), "PERCENT", 10), 1, null));
        User first = customer();
        add(first, book("First", 1000, 10), 1);
        shop.checkout().checkout(first.id(), withCode(single.code()), Optional.empty());
        assertInvalid(() -> apply(user, single.code()), DiscountCode.USED_UP);

        DiscountCode mine = create(limits(define(fresh("MINE"), "PERCENT", 10), null, 1));
        apply(user, mine.code());
        checkout(user);
        add(user, book("Again", 1000, 10), 1);
        assertInvalid(() -> apply(user, mine.code()), DiscountCode.USED_UP_FOR_CUSTOMER);
        // The refusal leaves the code applied before as it was: none here, since checkout emptied the cart.
        assertThat(shop.getCart().getCart(user.id()).discount()).isEmpty();
    }

    @Test
    void theCartReChecksItsCodeEachTimeAndKeepsIt() {
        User user = customer();
        Product book = book("Threshold", 1000, 10);
        add(user, book, 2);
        DiscountCode code = create(minimum(define(fresh("MIN"), "AMOUNT", 300), 2000));
        apply(user, code.code());

        CartView below = shop.removeFromCart().removeFromCart(user.id(), book.id(), Optional.of(Quantity.of(1)));
        assertThat(below.discount()).isEmpty();
        assertThat(below.total()).isEqualTo(Money.ofCents(1000));

        CartView again = add(user, book, 1);
        assertThat(again.discount()).contains(new CartView.Discount(code.code(), Money.ofCents(300)));
        assertThat(again.total()).isEqualTo(Money.ofCents(1700));

        shop.adminDiscounts().updateDiscount(admin.id(), code.id(), active(false));
        assertThat(shop.getCart().getCart(user.id()).discount()).isEmpty();
        // Checkout with the cart's code that no longer applies refuses rather than charging more than was shown.
        assertInvalid(() -> checkout(user), DiscountCode.INACTIVE);
        assertThat(stockOf(book)).isEqualTo(10);
    }

    // ---- checkout --------------------------------------------------------------------------------------------

    @Test
    void checkoutRedeemsTheCartsCodeAndTheOrderKeepsIt() {
        User user = customer();
        Product book = book("Redeemed", 2500, 10);
        add(user, book, 2);
        DiscountCode code = create(define(fresh("FIVE"), "AMOUNT", 500));
        apply(user, code.code());

        CheckoutQuote quote = shop.quoteCheckout().quote(user.id(), CheckoutRequest.NONE);
        assertThat(quote.amounts().discount()).isEqualTo(Money.ofCents(500));
        assertThat(stored(code).timesRedeemed()).as("a quote redeems nothing").isZero();

        Order order = orderOf(checkout(user));

        assertThat(order.discountCode()).contains(code.code());
        assertThat(order.amounts().discount()).isEqualTo(Money.ofCents(500));
        assertThat(order.total())
                .isEqualTo(Money.ofCents(4500))
                .isEqualTo(quote.amounts().total());
        assertThat(order.items().stream().map(OrderItem::discount).reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.ofCents(500));
        assertThat(stored(code).timesRedeemed()).isEqualTo(1);
        assertThat(ordersOf(user).getFirst().discountCode()).contains(code.code());
    }

    @Test
    void aCodeNamedAtCheckoutWinsOverTheCartsCode() {
        User user = customer();
        add(user, book("Named", 1000, 10), 1);
        DiscountCode carts = percent(10);
        DiscountCode named = percent(20);
        apply(user, carts.code());

        Order order = orderOf(shop.checkout().checkout(user.id(), withCode(named.code()), Optional.empty()));

        assertThat(order.discountCode()).contains(named.code());
        assertThat(order.amounts().discount()).isEqualTo(Money.ofCents(200));
        assertThat(stored(carts).timesRedeemed()).isZero();
        assertThat(stored(named).timesRedeemed()).isEqualTo(1);
    }

    @Test
    void aRefusedCodeAtCheckoutTakesNoStockAndPlacesNothing() {
        User user = customer();
        Product book = book("Refused", 1000, 10);
        add(user, book, 1);

        assertInvalid(
                () -> shop.checkout().checkout(user.id(), withCode("UNKNOWN-CODE"), Optional.empty()),
                DiscountInvalidException.UNKNOWN);

        assertThat(stockOf(book)).isEqualTo(10);
        assertThat(orderCount(user)).isZero();
    }

    // ---- giving back -----------------------------------------------------------------------------------------

    @Test
    void aDeclinedPaymentGivesTheRedemptionBackOnce() {
        User user = customer();
        Product book = book("Declined", 1000, 10);
        add(user, book, 1);
        DiscountCode code = create(limits(define(fresh("BACK"), "PERCENT", 10), 1, 1));
        apply(user, code.code());
        payments.answer(ScriptedPaymentGateway.Mode.DECLINE);

        Order failed = orderOf(checkout(user));

        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.discountCode()).contains(code.code());
        assertThat(stored(code).timesRedeemed()).isZero();
        // Given back: the same customer, within the per-customer limit of one, can use it again.
        payments.answer(ScriptedPaymentGateway.Mode.APPROVE);
        add(user, book, 1);
        Order paid = orderOf(shop.checkout().checkout(user.id(), withCode(code.code()), Optional.empty()));
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored(code).timesRedeemed()).isEqualTo(1);
    }

    @Test
    void anUnreachableProviderAndExpiryGiveTheRedemptionBack() {
        DiscountCode code = create(limits(define(fresh("EXPIRY"), "PERCENT", 10), 5, null));
        User down = customer();
        add(down, book("Down", 1000, 10), 1);
        payments.answer(ScriptedPaymentGateway.Mode.DOWN);
        assertRefused(
                () -> shop.checkout().checkout(down.id(), withCode(code.code()), Optional.empty()),
                ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
        assertThat(stored(code).timesRedeemed()).isZero();

        User waiting = customer();
        add(waiting, book("Waiting", 1000, 10), 1);
        payments.answer(ScriptedPaymentGateway.Mode.AWAIT_CUSTOMER);
        Order pending = orderOf(shop.checkout().checkout(waiting.id(), withCode(code.code()), Optional.empty()));
        assertThat(stored(code).timesRedeemed()).isEqualTo(1);

        clock.advance(PAYMENT_TIMEOUT.plus(Duration.ofMinutes(1)));
        assertThat(shop.expirePendingOrders().expireOverdueOrders()).isEqualTo(1);

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(stored(code).timesRedeemed()).isZero();
    }

    // ---- guests ----------------------------------------------------------------------------------------------

    @Test
    void aGuestAppliesACodeThatComesAlongOnLoginAndCheckoutChecksTheCustomersLimit() {
        Product book = book("Guest", 1000, 10);
        DiscountCode once = create(limits(define(fresh("GUEST"), "PERCENT", 10), null, 1));
        User user = customer();
        add(user, book, 1);
        shop.checkout().checkout(user.id(), withCode(once.code()), Optional.empty());

        String token = shop.guestCart().startGuestCart().cartToken();
        shop.guestCart().addToGuestCart(token, book.id(), Quantity.of(2));
        CartView guest = shop.guestCartDiscount().applyGuestDiscount(token, once.code());
        // Who the guest is cannot be known yet: the per-customer limit is not checked here.
        assertThat(guest.discount()).contains(new CartView.Discount(once.code(), Money.ofCents(200)));
        assertThat(shop.guestCart().guestCart(token).discount()).isEqualTo(guest.discount());

        shop.mergeGuestCart().mergeGuestCart(user.id(), token);

        // Now it is known: the account has used it up, so the cart shows no discount and checkout refuses it.
        assertThat(shop.getCart().getCart(user.id()).discount()).isEmpty();
        assertInvalid(() -> checkout(user), DiscountCode.USED_UP_FOR_CUSTOMER);
        assertThat(stored(once).timesRedeemed()).isEqualTo(1);

        String other = shop.guestCart().startGuestCart().cartToken();
        shop.guestCartDiscount().applyGuestDiscount(other, once.code());
        assertThat(shop.guestCartDiscount().removeGuestDiscount(other).discount())
                .isEmpty();
        assertThat(shop.guestCart().guestCart(other).discount()).isEmpty();
        assertInvalid(() -> shop.guestCartDiscount().applyGuestDiscount(other, "NOPE-NOPE"), "unknown");
        assertRefused(
                () -> shop.guestCartDiscount().applyGuestDiscount("forged", once.code()), ErrorCode.CART_TOKEN_INVALID);
    }

    // ---- races -----------------------------------------------------------------------------------------------

    @Test
    void aHundredBuyersRaceForATenUseCodeAndExactlyTenGetIt() throws Exception {
        DiscountCode code = create(limits(define(fresh("RACE"), "PERCENT", 10), 10, null));
        Product book = book("Race", 1000, 200);
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            User buyer = customer();
            add(buyer, book, 1);
            apply(buyer, code.code());
            buyers.add(buyer);
        }
        List<Callable<String>> tasks = new ArrayList<>();
        for (User buyer : buyers) {
            tasks.add(() -> {
                try {
                    CheckoutResult result = checkout(buyer);
                    return result.order().discountCode().isPresent() ? "discounted" : "full price";
                } catch (DiscountInvalidException e) {
                    return e.reason();
                }
            });
        }

        List<String> outcomes = race(tasks);

        assertThat(outcomes.stream().filter("discounted"::equals).count()).isEqualTo(10);
        assertThat(outcomes.stream().filter(DiscountCode.USED_UP::equals).count())
                .isEqualTo(90);
        assertThat(stored(code).timesRedeemed()).isEqualTo(10);
        long carrying = buyers.stream()
                .flatMap(b -> ordersOf(b).stream())
                .filter(o -> o.discountCode().isPresent())
                .count();
        assertThat(carrying).isEqualTo(10);
        assertThat(stockOf(book)).isEqualTo(190);
    }

    @Test
    void oneCustomersConcurrentCheckoutsRedeemAOncePerCustomerCodeOnce() throws Exception {
        DiscountCode code = create(limits(define(fresh("MINE"), "PERCENT", 10), null, 1));
        Product book = book("Mine", 1000, 200);
        User user = customer();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                add(user, book, 1);
                try {
                    shop.checkout().checkout(user.id(), withCode(code.code()), Optional.empty());
                    return "discounted";
                } catch (DiscountInvalidException e) {
                    return e.reason();
                } catch (dev.bookshop.domain.common.DomainException e) {
                    return e.code().name();
                }
            });
        }

        List<String> outcomes = race(tasks);

        assertThat(outcomes.stream().filter("discounted"::equals).count()).isEqualTo(1);
        assertThat(outcomes)
                .allMatch(o -> o.equals("discounted")
                        || o.equals(DiscountCode.USED_UP_FOR_CUSTOMER)
                        || o.equals(ErrorCode.CART_EMPTY.name()));
        assertThat(stored(code).timesRedeemed()).isEqualTo(1);
        assertThat(ordersOf(user).stream().filter(o -> o.discountCode().isPresent()))
                .hasSize(1);
    }
}

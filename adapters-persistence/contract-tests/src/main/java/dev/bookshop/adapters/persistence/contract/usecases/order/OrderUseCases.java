package dev.bookshop.adapters.persistence.contract.usecases.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * A customer's order history, and the sweep that expires orders left unpaid. Every adapter subclasses it once; each test makes its own users and books.
 */
public abstract class OrderUseCases extends UseCaseTestBase {

    @Test
    void customersSeeTheirOwnOrdersNewestFirstAndNobodyElses() {
        User user = customer();
        User other = customer();
        Product book = book("History", 100, 10);
        add(user, book, 1);
        Order older = checkout(user).order();
        clock.advance(Duration.ofMinutes(1));
        add(user, book, 1);
        Order newer = checkout(user).order();

        assertThat(ordersOf(user)).extracting(Order::id).containsExactly(newer.id(), older.id());
        assertThat(ordersOf(other)).isEmpty();
        assertRefused(() -> shop.getMyOrder().getMyOrder(other.id(), older.id()), ErrorCode.ORDER_NOT_FOUND);
    }

    @Test
    void overdueOrdersExpireOnceAndGiveTheirStockBack() {
        Product book = book("Awaiting", 1500, 5);
        Order pending = pendingOrder(customer(), book, 2);

        clock.advance(PAYMENT_TIMEOUT.minusSeconds(1));
        assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(shop.expirePendingOrders().expireOverdueOrders()).isEqualTo(1);
        assertThat(shop.expirePendingOrders().expireOverdueOrders()).isZero();

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(stockOf(book)).isEqualTo(5);
    }

    @Test
    void concurrentSweepsExpireEachOrderOnce() throws Exception {
        Product book = book("Awaiting", 1500, 5);
        pendingOrder(customer(), book, 2);

        clock.advance(PAYMENT_TIMEOUT.plusMinutes(1));

        List<Integer> expired = race(List.<Callable<Integer>>of(
                () -> shop.expirePendingOrders().expireOverdueOrders(),
                () -> shop.expirePendingOrders().expireOverdueOrders(),
                () -> shop.expirePendingOrders().expireOverdueOrders(),
                () -> shop.expirePendingOrders().expireOverdueOrders()));

        assertThat(expired.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(stockOf(book)).isEqualTo(5);
    }
}

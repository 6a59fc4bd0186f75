package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderAmounts;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.order.ShippingMethodSnapshot;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.util.Currency;
import java.util.Optional;

/** Maps an {@link OrderEntity} with its items to an {@link Order}, and an order to a new entity. */
final class OrderMapper {

    private OrderMapper() {}

    /** The entity's items must be loaded: they come back in the order they were placed. */
    static Order toDomain(OrderEntity row) {
        return Order.rehydrate(
                OrderId.of(row.id),
                UserId.of(row.userId),
                row.items.stream().map(OrderMapper::toItem).toList(),
                new OrderAmounts(
                        Money.ofCents(row.subtotalCents),
                        Money.ofCents(row.discountCents),
                        Money.ofCents(row.shippingCents),
                        Money.ofCents(row.taxCents),
                        TaxRate.ofBasisPoints(row.taxRateBasisPoints)),
                Optional.ofNullable(row.shipName)
                        .map(name -> new PostalAddress(
                                name,
                                row.shipLine1,
                                Optional.ofNullable(row.shipLine2),
                                row.shipCity,
                                row.shipPostalCode,
                                Optional.ofNullable(row.shipRegion),
                                new CountryCode(row.shipCountry),
                                Optional.ofNullable(row.shipPhone))),
                Optional.ofNullable(row.shippingMethodName)
                        .map(name -> new ShippingMethodSnapshot(name, Money.ofCents(row.shippingMethodPriceCents))),
                Currency.getInstance(row.currency.strip()),
                OrderStatus.valueOf(row.status),
                Optional.ofNullable(row.paymentReference),
                row.createdAt,
                Optional.ofNullable(row.paidAt),
                Optional.ofNullable(row.discountCode));
    }

    private static OrderItem toItem(OrderItemValue row) {
        return new OrderItem(
                Optional.ofNullable(row.productId).map(ProductId::of),
                row.titleSnapshot,
                Money.ofCents(row.unitPriceSnapshotCents),
                Quantity.of(row.quantity),
                Money.ofCents(row.discountCents),
                Money.ofCents(row.taxCents));
    }

    static OrderEntity toNewEntity(Order order) {
        OrderEntity row = new OrderEntity();
        row.id = order.id().value();
        row.userId = order.userId().value();
        row.totalAmountCents = order.total().cents();
        row.currency = order.currency().getCurrencyCode();
        row.status = order.status().name();
        row.paymentReference = order.paymentReference().orElse(null);
        row.createdAt = order.createdAt();
        row.paidAt = order.paidAt().orElse(null);
        OrderAmounts amounts = order.amounts();
        row.subtotalCents = amounts.subtotal().cents();
        row.discountCents = amounts.discount().cents();
        row.discountCode = order.discountCode().orElse(null);
        row.shippingCents = amounts.shipping().cents();
        row.taxCents = amounts.tax().cents();
        row.taxRateBasisPoints = amounts.taxRate().basisPoints();
        order.shippingAddress().ifPresent(address -> {
            row.shipName = address.name();
            row.shipLine1 = address.line1();
            row.shipLine2 = address.line2().orElse(null);
            row.shipCity = address.city();
            row.shipPostalCode = address.postalCode();
            row.shipRegion = address.region().orElse(null);
            row.shipCountry = address.country().value();
            row.shipPhone = address.phone().orElse(null);
        });
        order.shippingMethod().ifPresent(method -> {
            row.shippingMethodName = method.name();
            row.shippingMethodPriceCents = method.price().cents();
        });
        for (OrderItem item : order.items()) {
            OrderItemValue value = new OrderItemValue();
            value.productId = item.productId().map(ProductId::value).orElse(null);
            value.titleSnapshot = item.title();
            value.unitPriceSnapshotCents = item.unitPrice().cents();
            value.quantity = item.quantity().value();
            value.discountCents = item.discount().cents();
            value.taxCents = item.tax().cents();
            row.items.add(value);
        }
        return row;
    }
}

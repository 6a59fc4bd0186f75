package dev.bookshop.domain.discount;

/** How a code's value reads: per cent of the goods, or cents off them. */
public enum DiscountKind {
    PERCENT,
    AMOUNT
}

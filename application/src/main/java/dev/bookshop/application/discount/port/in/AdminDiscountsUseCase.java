package dev.bookshop.application.discount.port.in;

import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.user.UserId;
import java.util.List;

/**
 * The admin's discount codes. A new code needs {@code code}, {@code kind} and {@code value}; {@code active} defaults
 * to true. A rule the terms break is a validation failure naming the field; a text another code has, ignoring case,
 * is refused with {@code DISCOUNT_CODE_TAKEN}.
 */
public interface AdminDiscountsUseCase {

    List<DiscountCode> listDiscounts(UserId actor);

    DiscountCode createDiscount(UserId actor, DiscountDefinition definition);

    DiscountCode updateDiscount(UserId actor, DiscountCodeId id, DiscountDefinition changes);
}

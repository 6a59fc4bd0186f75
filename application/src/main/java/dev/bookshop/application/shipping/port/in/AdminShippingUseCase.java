package dev.bookshop.application.shipping.port.in;

import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.user.UserId;
import java.util.List;

/**
 * Running the shop's shipping methods. Every operation names the acting user and is refused with {@code NOT_ADMIN}
 * unless that user is an active administrator right now.
 */
public interface AdminShippingUseCase {

    /** Every method, inactive ones included, by name. */
    List<ShippingMethod> listShippingMethods(UserId actor);

    ShippingMethod createShippingMethod(UserId actor, NewShippingMethod method);

    /**
     * Applies the given fields onto the method as it stands, holding it locked, so two edits never overwrite each
     * other's fields; {@code SHIPPING_METHOD_NOT_FOUND} when there is none with this id.
     */
    ShippingMethod updateShippingMethod(UserId actor, ShippingMethodId id, ShippingMethodChanges changes);
}

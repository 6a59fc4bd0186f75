package dev.bookshop.bootstrap.seed;

import dev.bookshop.application.discount.port.in.DiscountDefinition;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.domain.user.UserId;
import java.util.Optional;

/**
 * Gives the demo shop one code to try at checkout: {@value #WELCOME}, 10 % off, once per customer. Added only to a
 * shop without codes, so a restart never brings back a code the admin deactivated or changed.
 */
public final class DemoDiscounts {

    public static final String WELCOME = "WELCOME10";

    private DemoDiscounts() {}

    /** Whether the code was added this time. */
    public static boolean seed(UseCases shop, UserId admin) {
        if (!shop.adminDiscounts().listDiscounts(admin).isEmpty()) {
            return false;
        }
        shop.adminDiscounts()
                .createDiscount(
                        admin,
                        new DiscountDefinition(
                                Optional.of(WELCOME),
                                Optional.of("PERCENT"),
                                Optional.of(10L),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of(1)),
                                Optional.empty()));
        return true;
    }
}

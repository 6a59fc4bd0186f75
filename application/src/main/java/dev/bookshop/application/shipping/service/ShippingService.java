package dev.bookshop.application.shipping.service;

import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.application.shipping.port.in.AdminShippingUseCase;
import dev.bookshop.application.shipping.port.in.ListShippingMethodsUseCase;
import dev.bookshop.application.shipping.port.in.NewShippingMethod;
import dev.bookshop.application.shipping.port.in.ShippingMethodChanges;
import dev.bookshop.application.shipping.port.out.ShippingMethodRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import dev.bookshop.domain.shipping.ShippingMethodNotFoundException;
import dev.bookshop.domain.user.UserId;
import java.util.List;

/**
 * The shipping methods: the admin's catalogue of them, and the ones a customer may choose for a country. A rule the
 * method refuses is answered as a validation failure naming the field it broke.
 */
public final class ShippingService implements AdminShippingUseCase, ListShippingMethodsUseCase {

    private final TransactionRunner transactions;
    private final ShippingMethodRepository methods;
    private final Actors actors;
    private final IdGenerator ids;

    public ShippingService(
            TransactionRunner transactions, ShippingMethodRepository methods, Actors actors, IdGenerator ids) {
        this.transactions = transactions;
        this.methods = methods;
        this.actors = actors;
        this.ids = ids;
    }

    @Override
    public List<ShippingMethod> listShippingMethods(UserId actor) {
        actors.requireAdmin(actor);
        return methods.findAll();
    }

    @Override
    public ShippingMethod createShippingMethod(UserId actor, NewShippingMethod request) {
        actors.requireAdmin(actor);
        ShippingMethod created = ValidationException.field(
                "name",
                () -> ShippingMethod.create(
                                ShippingMethodId.of(ids.newId()),
                                request.name(),
                                request.countries(),
                                request.price(),
                                request.freeOver())
                        .activated(request.active()));
        transactions.inTransaction(() -> methods.insert(created));
        return created;
    }

    @Override
    public ShippingMethod updateShippingMethod(UserId actor, ShippingMethodId id, ShippingMethodChanges changes) {
        actors.requireAdmin(actor);
        return transactions.inTransaction(() -> {
            ShippingMethod current =
                    methods.findByIdForUpdate(id).orElseThrow(() -> new ShippingMethodNotFoundException(id));
            ShippingMethod changed = ValidationException.field("name", () -> apply(current, changes));
            if (!changed.equals(current)) {
                methods.update(changed);
            }
            return changed;
        });
    }

    @Override
    public List<ShippingMethod> shippingMethodsFor(CountryCode country) {
        return methods.findActiveServing(country);
    }

    private static ShippingMethod apply(ShippingMethod method, ShippingMethodChanges changes) {
        ShippingMethod changed = method;
        changed = changes.name().map(changed::rename).orElse(changed);
        changed = changes.countries().map(changed::serving).orElse(changed);
        changed = changes.price().map(changed::priced).orElse(changed);
        changed = changes.freeOver().map(changed::freeFrom).orElse(changed);
        changed = changes.active().map(changed::activated).orElse(changed);
        return changed;
    }
}

package dev.bookshop.application.shipping.port.out;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.shipping.ShippingMethod;
import dev.bookshop.domain.shipping.ShippingMethodId;
import java.util.List;
import java.util.Optional;

/** The shop's shipping methods. */
public interface ShippingMethodRepository {

    /** Stores a new method; its id must be new. */
    void insert(ShippingMethod method);

    /** Replaces the stored method of the same id; answers false (nothing written) when there is none. */
    boolean update(ShippingMethod method);

    Optional<ShippingMethod> findById(ShippingMethodId id);

    /**
     * The method, locked until the transaction ends: another transaction asking for it waits, so a read-change-write
     * inside one transaction never loses a concurrent edit. Call inside a transaction.
     */
    Optional<ShippingMethod> findByIdForUpdate(ShippingMethodId id);

    /** Every method, inactive ones included, by name and then id. */
    List<ShippingMethod> findAll();

    /** The active methods serving {@code country}, by price, then name, then id. */
    List<ShippingMethod> findActiveServing(CountryCode country);

    /** Whether the shop has at least one active method: without one it sells without shipping. */
    boolean anyActive();
}

package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Carts in {@code carts} (one per user, by a unique key) and their lines in {@code cart_items}. */
final class JpaCartRepository implements CartRepository {

    private final JpaTransactionRunner transactions;

    JpaCartRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public Cart getForUpdate(UserId owner, Instant now) {
        return transactions.call(em -> {
            // Create-then-lock: the insert is a no-op when the cart exists, and two first requests of one user cannot
            // both create one; the row lock then serialises every change to the cart.
            // A checkout that held the lock may delete the cart before this transaction gets it; then the lock finds
            // no row, and the next round creates a fresh, empty cart.
            CartEntity cart = null;
            while (cart == null) {
                createIfAbsent(em, owner, now);
                cart = em.createQuery("select c from CartEntity c where c.userId = :owner", CartEntity.class)
                        .setParameter("owner", owner.value())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
            }
            return CartMapper.toDomain(cart, itemsOf(em, cart.id));
        });
    }

    private static void createIfAbsent(EntityManager em, UserId owner, Instant now) {
        em.createQuery("""
                        insert into CartEntity (id, userId, updatedAt) values (:id, :owner, :now)
                        on conflict (userId) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("owner", owner.value())
                .setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public Optional<Cart> find(UserId owner) {
        return transactions.call(em -> em.createQuery(
                        "select c from CartEntity c where c.userId = :owner", CartEntity.class)
                .setParameter("owner", owner.value())
                .getResultStream()
                .findFirst()
                .map(cart -> CartMapper.toDomain(cart, itemsOf(em, cart.id))));
    }

    private static List<CartItemEntity> itemsOf(EntityManager em, UUID cartId) {
        return em.createQuery(
                        "select i from CartItemEntity i where i.cartId = :cartId order by i.position",
                        CartItemEntity.class)
                .setParameter("cartId", cartId)
                .getResultList();
    }

    @Override
    public void save(Cart cart) {
        transactions.run(em -> {
            em.createQuery("""
                            insert into CartEntity (id, userId, updatedAt) values (:id, :owner, :updatedAt)
                            on conflict (userId) do update set updatedAt = :updatedAt""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("owner", cart.owner().value())
                    .setParameter("updatedAt", cart.updatedAt())
                    .executeUpdate();
            UUID cartId = em.createQuery("select c.id from CartEntity c where c.userId = :owner", UUID.class)
                    .setParameter("owner", cart.owner().value())
                    .getSingleResult();
            // Replace, not merge: the bulk delete runs at once, so the new lines (inserted at the flush) can reuse
            // the (cart, product) keys of the old ones.
            em.createQuery("delete from CartItemEntity i where i.cartId = :cartId")
                    .setParameter("cartId", cartId)
                    .executeUpdate();
            CartMapper.toItems(cartId, cart).forEach(em::persist);
        });
    }

    /** Native SQL: the column is not mapped, so no write of the entity can carry a stale copy of it. */
    @Override
    public Optional<String> discountCode(UserId owner) {
        return transactions.call(
                em -> em.createNativeQuery("select discount_code from carts where user_id = :owner", String.class)
                        .setParameter("owner", owner.value())
                        .getResultStream()
                        .map(String.class::cast)
                        .filter(java.util.Objects::nonNull)
                        .findFirst());
    }

    @Override
    public void setDiscountCode(UserId owner, Optional<String> code) {
        transactions.run(em -> em.createNativeQuery(
                        "update carts set discount_code = cast(:code as text) where user_id = :owner")
                .setParameter("code", code.orElse(null))
                .setParameter("owner", owner.value())
                .executeUpdate());
    }

    @Override
    public void delete(UserId owner) {
        // cart_items go with the cart (on delete cascade in the schema).
        transactions.run(em -> em.createQuery("delete from CartEntity c where c.userId = :owner")
                .setParameter("owner", owner.value())
                .executeUpdate());
    }
}

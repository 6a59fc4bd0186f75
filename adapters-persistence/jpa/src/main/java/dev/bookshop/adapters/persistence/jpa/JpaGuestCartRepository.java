package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.cart.port.out.GuestCartRepository;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.cart.GuestCart;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Guest carts in {@code guest_carts}, keyed by their token's hash, and their lines in {@code guest_cart_items}. */
final class JpaGuestCartRepository implements GuestCartRepository {

    private final JpaTransactionRunner transactions;

    JpaGuestCartRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(GuestCart cart) {
        transactions.run(em -> {
            GuestCartEntity row = new GuestCartEntity();
            row.tokenHash = cart.token().hex();
            row.createdAt = cart.createdAt();
            row.updatedAt = cart.updatedAt();
            row.lastUsedAt = cart.lastUsedAt();
            em.persist(row);
            // The cart row first: the lines reference it.
            em.flush();
            persistLines(em, cart);
        });
    }

    @Override
    public Optional<GuestCart> findForUpdate(TokenHash token) {
        return transactions.call(em -> em.createQuery(
                        "select c from GuestCartEntity c where c.tokenHash = :token", GuestCartEntity.class)
                .setParameter("token", token.hex())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(cart -> new GuestCart(
                        new TokenHash(cart.tokenHash),
                        linesOf(em, cart.tokenHash),
                        cart.createdAt,
                        cart.updatedAt,
                        cart.lastUsedAt)));
    }

    @Override
    public void save(GuestCart cart) {
        transactions.run(em -> {
            int updated = em.createQuery("""
                            update GuestCartEntity c set c.updatedAt = :updatedAt, c.lastUsedAt = :lastUsedAt
                            where c.tokenHash = :token""")
                    .setParameter("updatedAt", cart.updatedAt())
                    .setParameter("lastUsedAt", cart.lastUsedAt())
                    .setParameter("token", cart.token().hex())
                    .executeUpdate();
            if (updated == 0 || linesOf(em, cart.token().hex()).equals(cart.lines())) {
                return; // deleted meanwhile (merged or purged), or a use that changed no line
            }
            // Replace, not merge: the bulk delete runs at once, so the new lines can reuse the old lines' keys.
            em.createQuery("delete from GuestCartItemEntity i where i.tokenHash = :token")
                    .setParameter("token", cart.token().hex())
                    .executeUpdate();
            persistLines(em, cart);
        });
    }

    /** Native SQL: the column is not mapped, so no write of the entity can carry a stale copy of it. */
    @Override
    public Optional<String> discountCode(TokenHash token) {
        return transactions.call(em -> em.createNativeQuery(
                        "select discount_code from guest_carts where token_hash = :token", String.class)
                .setParameter("token", token.hex())
                .getResultStream()
                .map(String.class::cast)
                .filter(java.util.Objects::nonNull)
                .findFirst());
    }

    @Override
    public void setDiscountCode(TokenHash token, Optional<String> code) {
        transactions.run(em -> em.createNativeQuery(
                        "update guest_carts set discount_code = cast(:code as text) where token_hash = :token")
                .setParameter("code", code.orElse(null))
                .setParameter("token", token.hex())
                .executeUpdate());
    }

    @Override
    public boolean delete(TokenHash token) {
        // The lines go with the cart (on delete cascade in the schema).
        return transactions.call(em -> em.createQuery("delete from GuestCartEntity c where c.tokenHash = :token")
                        .setParameter("token", token.hex())
                        .executeUpdate()
                == 1);
    }

    /**
     * Native SQL: JPQL has neither {@code LIMIT} in a subquery nor {@code SKIP LOCKED} in a delete. Candidates are
     * locked {@code FOR UPDATE SKIP LOCKED}, so concurrent purges take different rows and never wait on a cart in use.
     */
    @Override
    public int deleteIdleBefore(Instant lastUsedBefore, int limit) {
        return transactions.call(em -> em.createNativeQuery("""
                        delete from guest_carts where token_hash in (
                            select c.token_hash from guest_carts c
                            where c.last_used_at <= :before
                            order by c.last_used_at
                            limit :limit
                            for update skip locked)""")
                .setParameter("before", lastUsedBefore)
                .setParameter("limit", limit)
                .executeUpdate());
    }

    /**
     * Values, not entities: a save compares them with the cart's and may then replace the rows, and entities loaded
     * here would clash with the new ones of the same keys.
     */
    private static List<CartLine> linesOf(EntityManager em, String token) {
        return em.createQuery(
                        "select i.productId, i.quantity from GuestCartItemEntity i where i.tokenHash = :token"
                                + " order by i.position",
                        Object[].class)
                .setParameter("token", token)
                .getResultStream()
                .map(row -> new CartLine(ProductId.of((UUID) row[0]), Quantity.of((Integer) row[1])))
                .toList();
    }

    private static void persistLines(EntityManager em, GuestCart cart) {
        int position = 0;
        for (CartLine line : cart.lines()) {
            GuestCartItemEntity item = new GuestCartItemEntity();
            item.tokenHash = cart.token().hex();
            item.productId = line.productId().value();
            item.quantity = line.quantity().value();
            item.position = position++;
            em.persist(item);
        }
    }
}

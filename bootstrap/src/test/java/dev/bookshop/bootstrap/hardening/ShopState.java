package dev.bookshop.bootstrap.hardening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the shop's database holds, read directly with SQL: a fingerprint of everything a customer or admin request can
 * change (to prove a refused request wrote nothing), and the stock and order invariants that must survive any fault.
 */
final class ShopState {

    /**
     * One digest per table of what requests write. Rows are rendered whole and hashed in key order. Left out: the
     * mail outbox (its background job writes on its own schedule) and refresh tokens' {@code revoked} flag (presenting
     * a revoked token is refused with 401 and, by design, revokes the rest of the family).
     */
    private static final Map<String, String> DIGESTS = digests();

    private static Map<String, String> digests() {
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("users", "select md5(coalesce(string_agg(u::text, '|' order by id), '')) from users u");
        digests.put(
                "refresh_tokens",
                "select md5(coalesce(string_agg(id::text || user_id::text || expires_at::text, '|' order by id), ''))"
                        + " from refresh_tokens");
        digests.put("categories", "select md5(coalesce(string_agg(c::text, '|' order by id), '')) from categories c");
        digests.put("products", "select md5(coalesce(string_agg(p::text, '|' order by id), '')) from products p");
        digests.put(
                "product_categories",
                "select md5(coalesce(string_agg(pc::text, '|' order by product_id, category_id), ''))"
                        + " from product_categories pc");
        digests.put("carts", "select md5(coalesce(string_agg(c::text, '|' order by id), '')) from carts c");
        digests.put(
                "guest_carts",
                "select md5(coalesce(string_agg(g::text, '|' order by token_hash), '')) from guest_carts g");
        digests.put(
                "cart_items",
                "select md5(coalesce(string_agg(ci::text, '|' order by cart_id, product_id), '')) from cart_items ci");
        digests.put("orders", "select md5(coalesce(string_agg(o::text, '|' order by id), '')) from orders o");
        digests.put(
                "order_items",
                "select md5(coalesce(string_agg(oi::text, '|' order by order_id, position), '')) from order_items oi");
        digests.put(
                "order_events", "select md5(coalesce(string_agg(e::text, '|' order by id), '')) from order_events e");
        digests.put(
                "idempotency_keys",
                "select md5(coalesce(string_agg(k::text, '|' order by user_id, key), '')) from idempotency_keys k");
        digests.put(
                "processed_payment_events",
                "select md5(coalesce(string_agg(p::text, '|' order by provider, event_id), ''))"
                        + " from processed_payment_events p");
        digests.put("addresses", "select md5(coalesce(string_agg(a::text, '|' order by id), '')) from addresses a");
        return Map.copyOf(digests);
    }

    private final DataSource dataSource;

    ShopState(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Table name to digest of its rows, for every table a request can write. */
    Map<String, String> fingerprint() {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        for (var entry : DIGESTS.entrySet()) {
            fingerprint.put(entry.getKey(), single(entry.getValue()));
        }
        return fingerprint;
    }

    /** The tables whose digest differs between two fingerprints. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, digest) -> {
            if (!digest.equals(after.get(table))) {
                changed.add(table);
            }
        });
        return changed;
    }

    long count(String table) {
        return Long.parseLong(single("select count(*) from " + table));
    }

    /**
     * Every broken stock or order invariant, as a readable line; empty when all hold. {@code expectedStock} is each
     * book's starting stock plus the admin's accepted changes: current stock plus the copies PENDING orders hold plus
     * the copies PAID orders sold must equal it (FAILED orders gave theirs back).
     */
    List<String> brokenInvariants(Map<String, Long> expectedStock) {
        List<String> broken = new ArrayList<>();
        Map<String, Long> accounted = new LinkedHashMap<>();
        rows(
                "select p.id::text, p.stock + coalesce((select sum(oi.quantity) from order_items oi join orders o on"
                        + " o.id = oi.order_id where oi.product_id = p.id and o.status in ('PENDING', 'PAID')), 0)"
                        + " from products p",
                rs -> accounted.put(rs.getString(1), rs.getLong(2)));
        expectedStock.forEach((book, expected) -> {
            Long actual = accounted.get(book);
            if (actual == null || actual.longValue() != expected.longValue()) {
                broken.add("book " + book + ": stock + held + sold = " + actual + ", expected " + expected);
            }
        });
        rows(
                "select o.id::text, o.status from orders o where not exists"
                        + " (select 1 from order_items oi where oi.order_id = o.id)",
                rs -> broken.add("order " + rs.getString(1) + " (" + rs.getString(2) + ") has no items"));
        rows(
                "select oi.order_id::text from order_items oi where not exists"
                        + " (select 1 from orders o where o.id = oi.order_id)",
                rs -> broken.add("order item of a missing order " + rs.getString(1)));
        rows(
                "select o.id::text, o.total_amount_cents, sum(oi.quantity * oi.unit_price_snapshot_cents)"
                        + " from orders o join order_items oi on oi.order_id = o.id group by o.id"
                        + " having o.total_amount_cents <> sum(oi.quantity * oi.unit_price_snapshot_cents)",
                rs -> broken.add(
                        "order " + rs.getString(1) + " totals " + rs.getLong(2) + " but its items " + rs.getLong(3)));
        rows(
                "select id::text from products where stock < 0",
                rs -> broken.add("book " + rs.getString(1) + " has negative stock"));
        rows(
                "select o.id::text from orders o where o.status = 'PAID' and not exists"
                        + " (select 1 from mail_outbox m where m.dedupe_key like '%' || o.id::text || '%')",
                rs -> broken.add("paid order " + rs.getString(1) + " has no confirmation queued"));
        return broken;
    }

    /** Orders by status, for reports. */
    Map<String, Long> ordersByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows(
                "select status, count(*) from orders group by status order by status",
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    String single(String sql) {
        List<String> values = new ArrayList<>();
        rows(sql, rs -> values.add(rs.getString(1)));
        return values.getFirst();
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    void rows(String sql, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

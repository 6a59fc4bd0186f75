package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.OrderStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Books in {@code products}, their shelves in {@code product_categories}. Stock only moves through single conditional
 * UPDATE statements, so the row lock PostgreSQL takes for the update is all the concurrency control checkout needs (an
 * admin writing from a read holds the lock first, {@link #lockById}); the entity's stock column is not updatable, so no flush of an edited entity can write back a stock it read earlier.
 * Lists read a page of products in one query and the categories of all of them in a second.
 */
final class JpaProductRepository implements ProductRepository {

    /**
     * Titles sort ignoring case, then by code point: independent of the server's locale, and the same order the other
     * adapters use. Matches the index {@code products_title_idx}.
     */
    private static final String TITLE_FOLDED = "collate(lower(p.title) as " + Collations.CODE_POINT + ")";

    private static final String TITLE_EXACT = "collate(p.title as " + Collations.CODE_POINT + ")";

    /**
     * Full-text search runs as native SQL: JPQL knows neither the generated {@code search_vector} column nor text-search
     * operators. {@code 'simple'} is the configuration the column was built with.
     */
    private static final String SEARCH_MATCH =
            "from products p where p.active and p.search_vector @@ websearch_to_tsquery('simple', :text)";

    private final JpaTransactionRunner transactions;

    JpaProductRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean insertIfSlugFree(Product product) {
        ProductEntity row = ProductMapper.toNewEntity(product);
        return transactions.call(em -> {
            int inserted = em.createQuery("""
                            insert into ProductEntity (id, slug, title, author, series, description, isbn,
                                                       priceCents, stock, active, createdAt, updatedAt, version)
                            values (:id, :slug, :title, :author, :series, :description, :isbn,
                                    :priceCents, :stock, :active, :createdAt, :updatedAt, :version)
                            on conflict do nothing""")
                    .setParameter("id", row.id)
                    .setParameter("slug", row.slug)
                    .setParameter("title", row.title)
                    .setParameter("author", row.author)
                    .setParameter("series", row.series)
                    .setParameter("description", row.description)
                    .setParameter("isbn", row.isbn)
                    .setParameter("priceCents", row.priceCents)
                    .setParameter("stock", row.stock)
                    .setParameter("active", row.active)
                    .setParameter("createdAt", row.createdAt)
                    .setParameter("updatedAt", row.updatedAt)
                    .setParameter("version", row.version)
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            if (!product.categories().isEmpty()) {
                shelve(em, em.find(ProductEntity.class, row.id), product.categories());
            }
            return true;
        });
    }

    @Override
    public void update(Product product) {
        transactions.run(em -> {
            ProductEntity row = em.find(ProductEntity.class, product.id().value());
            if (row == null) {
                return;
            }
            ProductMapper.copyEditableColumns(product, row);
            shelve(em, row, product.categories());
        });
    }

    /**
     * Makes the product's shelves exactly {@code categories}, unlinking and linking only what changed: the flush then
     * deletes and inserts just those rows of {@code product_categories}.
     */
    private static void shelve(EntityManager em, ProductEntity row, Collection<Category> categories) {
        Set<UUID> wanted = categories.stream().map(c -> c.id().value()).collect(Collectors.toSet());
        row.categories.removeIf(linked -> !wanted.contains(linked.id));
        Set<UUID> linked = row.categories.stream().map(c -> c.id).collect(Collectors.toSet());
        for (UUID categoryId : wanted) {
            if (!linked.contains(categoryId)) {
                row.categories.add(em.getReference(CategoryEntity.class, categoryId));
            }
        }
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return transactions.call(em -> Optional.ofNullable(em.find(ProductEntity.class, id.value()))
                .map(row -> withCategories(em, List.of(row)).getFirst()));
    }

    /**
     * Refreshed under the lock: the persistence context may hold the entity from an earlier read of this transaction,
     * whose stock the bulk UPDATEs below never touch, or an older state another transaction has since committed.
     * Pending changes are flushed first, so the refresh cannot drop them.
     */
    @Override
    public Optional<Product> lockById(ProductId id) {
        return transactions.call(em -> {
            ProductEntity row = em.find(ProductEntity.class, id.value());
            if (row == null) {
                return Optional.<Product>empty();
            }
            em.flush();
            em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            return Optional.of(withCategories(em, List.of(row)).getFirst());
        });
    }

    @Override
    public int reservedCopies(ProductId id) {
        List<String> reserving = Arrays.stream(OrderStatus.values())
                .filter(OrderStatus::reservesStock)
                .map(Enum::name)
                .toList();
        return transactions
                .call(em -> em.createQuery(
                                "select coalesce(sum(i.quantity), 0) from OrderEntity o join o.items i"
                                        + " where i.productId = :id and o.status in :reserving",
                                Long.class)
                        .setParameter("id", id.value())
                        .setParameter("reserving", reserving)
                        .getSingleResult())
                .intValue();
    }

    @Override
    public Optional<Product> findBySlug(Slug slug) {
        return transactions.call(em -> em.createQuery(
                        "select p from ProductEntity p where p.slug = :slug", ProductEntity.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst()
                .map(row -> withCategories(em, List.of(row)).getFirst()));
    }

    @Override
    public List<Product> findAllById(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return transactions.call(em -> withCategories(
                em,
                em.createQuery("select p from ProductEntity p where p.id in :ids order by p.id", ProductEntity.class)
                        .setParameter("ids", ids.stream().map(ProductId::value).toList())
                        .getResultList()));
    }

    @Override
    public Page<Product> find(ProductQuery query) {
        Filter filter = Filter.of(query);
        PageRequest page = query.page();
        return transactions.call(em -> {
            TypedQuery<ProductEntity> select = em.createQuery(
                    "select p from ProductEntity p" + filter.where() + order(query), ProductEntity.class);
            filter.bind(select);
            List<ProductEntity> rows = Paging.page(select, page);
            long total = Paging.total(rows.size(), page, () -> {
                TypedQuery<Long> count =
                        em.createQuery("select count(p) from ProductEntity p" + filter.where(), Long.class);
                filter.bind(count);
                return count.getSingleResult();
            });
            return Page.of(withCategories(em, rows), page, total);
        });
    }

    private static String order(ProductQuery query) {
        return switch (query.sort()) {
            case TITLE -> " order by " + TITLE_FOLDED + ", " + TITLE_EXACT + ", p.id";
            case TITLE_DESC -> " order by " + TITLE_FOLDED + " desc, " + TITLE_EXACT + " desc, p.id";
            case PRICE -> " order by p.priceCents, p.id";
            case PRICE_DESC -> " order by p.priceCents desc, p.id";
            case NEWEST -> " order by p.createdAt desc, p.id";
        };
    }

    /** The query's filters as a JPQL where clause and its parameters. */
    private record Filter(List<String> conditions, Map<String, Object> parameters) {

        static Filter of(ProductQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (!query.includeInactive()) {
                conditions.add("p.active = true");
            }
            query.series().ifPresent(series -> {
                conditions.add("lower(p.series) = :series");
                parameters.put("series", series.strip().toLowerCase(Locale.ROOT));
            });
            query.author().ifPresent(author -> {
                conditions.add("lower(p.author) = :author");
                parameters.put("author", author.strip().toLowerCase(Locale.ROOT));
            });
            query.category().ifPresent(slug -> {
                conditions.add("exists (select 1 from p.categories c where c.slug = :category)");
                parameters.put("category", slug.value());
            });
            query.minPrice().ifPresent(min -> {
                conditions.add("p.priceCents >= :minPrice");
                parameters.put("minPrice", min.cents());
            });
            query.maxPrice().ifPresent(max -> {
                conditions.add("p.priceCents <= :maxPrice");
                parameters.put("maxPrice", max.cents());
            });
            if (query.inStockOnly()) {
                conditions.add("p.stock > 0");
            }
            return new Filter(conditions, parameters);
        }

        String where() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        void bind(Query query) {
            parameters.forEach(query::setParameter);
        }
    }

    @Override
    public Page<Product> search(String text, PageRequest page) {
        return transactions.call(em -> {
            @SuppressWarnings("unchecked")
            List<ProductEntity> rows = em.createNativeQuery(
                            "select p.* " + SEARCH_MATCH
                                    + " order by ts_rank(p.search_vector, websearch_to_tsquery('simple', :text)) desc,"
                                    + " lower(p.title) collate \"C\", p.title collate \"C\", p.id"
                                    + " limit :limit offset :offset",
                            ProductEntity.class)
                    .setParameter("text", text)
                    .setParameter("limit", page.size())
                    .setParameter("offset", page.offset())
                    .getResultList();
            long total = Paging.total(
                    rows.size(),
                    page,
                    () -> ((Number) em.createNativeQuery("select count(*) " + SEARCH_MATCH)
                                    .setParameter("text", text)
                                    .getSingleResult())
                            .longValue());
            return Page.of(withCategories(em, rows), page, total);
        });
    }

    /** The products, in the given order, with their categories read for all of them in one query. */
    private static List<Product> withCategories(EntityManager em, List<ProductEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Category>> byProduct = new HashMap<>();
        em.createQuery(
                        "select p.id as productId, c as category from ProductEntity p join p.categories c"
                                + " where p.id in :ids",
                        Tuple.class)
                .setParameter("ids", rows.stream().map(row -> row.id).toList())
                .getResultStream()
                .forEach(tuple -> byProduct
                        .computeIfAbsent(tuple.get("productId", UUID.class), k -> new ArrayList<>())
                        .add(CategoryMapper.toDomain(tuple.get("category", CategoryEntity.class))));
        return rows.stream()
                .map(row -> ProductMapper.toDomain(row, byProduct.getOrDefault(row.id, List.of())))
                .toList();
    }

    @Override
    public boolean decrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        return transactions.call(em -> em.createQuery("""
                                update ProductEntity p set p.stock = p.stock - :quantity
                                where p.id = :id and p.stock >= :quantity""")
                        .setParameter("quantity", quantity)
                        .setParameter("id", id.value())
                        .executeUpdate()
                == 1);
    }

    @Override
    public void incrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        // Summed as a long, so the sum cannot wrap before it is capped.
        transactions.run(em -> em.createQuery("""
                        update ProductEntity p
                        set p.stock = cast(least(cast(p.stock as Long) + :quantity, :largest) as Integer)
                        where p.id = :id""")
                .setParameter("quantity", (long) quantity)
                .setParameter("largest", (long) Stock.MAX)
                .setParameter("id", id.value())
                .executeUpdate());
    }

    @Override
    public OptionalInt adjustStock(ProductId id, int delta) {
        return transactions.call(em -> {
            int updated = em.createQuery("""
                            update ProductEntity p set p.stock = p.stock + :delta
                            where p.id = :id and cast(p.stock as Long) + :wide between 0 and :largest""")
                    .setParameter("delta", delta)
                    // Checked as a long, so a huge delta is refused instead of overflowing the integer column.
                    .setParameter("wide", (long) delta)
                    .setParameter("largest", (long) Stock.MAX)
                    .setParameter("id", id.value())
                    .executeUpdate();
            return updated == 1 ? OptionalInt.of(stockAfterOwnUpdate(em, id)) : OptionalInt.empty();
        });
    }

    @Override
    public OptionalInt setStock(ProductId id, Stock stock) {
        return transactions.call(em -> {
            int updated = em.createQuery("update ProductEntity p set p.stock = :stock where p.id = :id")
                    .setParameter("stock", stock.copies())
                    .setParameter("id", id.value())
                    .executeUpdate();
            return updated == 1 ? OptionalInt.of(stockAfterOwnUpdate(em, id)) : OptionalInt.empty();
        });
    }

    /**
     * The stock this transaction's UPDATE just wrote. The update holds the row's lock until commit, so no other
     * transaction can move the stock between the two statements. Read as a scalar, never through a cached entity.
     */
    private static int stockAfterOwnUpdate(EntityManager em, ProductId id) {
        return em.createQuery("select p.stock from ProductEntity p where p.id = :id", Integer.class)
                .setParameter("id", id.value())
                .getSingleResult();
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}

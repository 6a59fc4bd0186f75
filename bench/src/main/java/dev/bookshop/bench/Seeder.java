package dev.bookshop.bench;

import dev.bookshop.adapters.password.BcryptPasswordHasher;
import dev.bookshop.adapters.web.WebSettings;
import dev.bookshop.adapters.web.security.AccessTokens;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.UserId;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * Fills a freshly migrated shop database with a benchmark catalogue and customers, fast: rows go in with {@code COPY}
 * into the Flyway schema, every customer shares one bcrypt hash computed once, and access tokens are minted here
 * with the shop's own {@link AccessTokens} and {@code JWT_SECRET}, so no login (and no login rate limit) is needed.
 *
 * <p>Writes, into the output directory, the files the wrk scripts read: request paths for the list, search and
 * detail scenarios, product ids for the add-to-cart and ceiling scenarios, and one access token a line for each group
 * of customers: shoppers (add to cart), racers (the last-copies race: their carts hold the race book) and buyers
 * (checkout: each cart holds one to three books, so each buyer can check out once), and discounters (the discount
 * race: each cart holds one book and has the code {@value #RACE_CODE} applied, which allows fewer uses than there
 * are discounters).
 *
 * <p>Usage: {@code Seeder <jdbc-url> <out-dir>}; {@code DATABASE_USER}, {@code DATABASE_PASSWORD}, {@code JWT_SECRET},
 * {@code BENCH_BOOKS}, {@code BENCH_SHOPPERS}, {@code BENCH_RACERS}, {@code BENCH_RACE_STOCK}, {@code BENCH_BUYERS},
 * {@code BENCH_DISCOUNTERS}, {@code BENCH_DISCOUNT_USES} from the environment.
 */
public final class Seeder {

    /** Every seeded customer's password; they can log in with it too. */
    static final String PASSWORD = "bench-password";

    private static final String[] CATEGORIES = {
        "Fantasy",
        "Science Fiction",
        "Crime",
        "Thriller",
        "Romance",
        "Historical Fiction",
        "Horror",
        "Poetry",
        "Biography",
        "History",
        "Science",
        "Philosophy",
        "Travel",
        "Cooking",
        "Art",
        "Children's Books",
        "Young Adult",
        "Classics",
        "Humour",
        "Business",
        "Psychology",
        "Nature",
        "Graphic Novels",
        "Drama"
    };
    private static final String[] WORDS =
            ("shadow river winter garden silent empire glass crown stone harbour night summer forest letter iron "
                            + "secret island storm mountain city ocean queen king moon sun star dragon tower bridge wolf raven "
                            + "house road fire ice salt ember hollow orchard lantern mirror clock map compass voyage echo ghost "
                            + "memory promise kingdom border station library archive signal machine engine atlas meadow valley "
                            + "desert canyon lake marsh coast lighthouse cathedral market village frontier rebellion harvest "
                            + "silver golden scarlet broken hidden last first lost forgotten distant northern southern burning "
                            + "quiet wild bitter sweet endless ancient little great dark bright falling rising")
                    .split(" ");
    private static final String[] FIRST =
            ("Anna Ben Clara David Elena Felix Grace Hugo Iris Jonas Karin Leo Maya Nils Olga Paul Quinn Rosa Sam Tara "
                            + "Ugo Vera Will Xenia Yann Zoe Amir Bea Carlos Dana Emil Fatima Georg Hana Ivan Julia Kofi Lena "
                            + "Marta Noah")
                    .split(" ");
    private static final String[] LAST =
            ("Adler Berg Castillo Dubois Eriksen Fischer Garcia Hansen Ivanova Jensen Kowalski Larsen Moreau Novak "
                            + "Okafor Petrov Quist Rossi Schmidt Tanaka Urban Varga Weber Xu Yilmaz Zimmer Abbott Blake "
                            + "Carver Doyle Ellis Ford Greene Hale Irving Jordan Keller Lowe Mercer Nolan")
                    .split(" ");

    /**
     * Syllables of the made-up words descriptions are written in: a vocabulary of thousands of words whose use
     * follows Zipf's law, as in real prose, so a search word matches tens to hundreds of books, not half the shop.
     */
    private static final String[] SYLLABLES =
            ("ka lo mi ren tas vel dor fin gal hes jun kor lun mar nes pol qui ros sul tor ub van wen yor zel bri cha "
                            + "dre fla glo")
                    .split(" ");

    private static final int PROSE_WORDS = 4_000;

    private final Random random = new Random(20_240_808L);
    private final Instant now = Instant.now();
    private final String[] prose = new String[PROSE_WORDS];
    private final double[] proseWeights = new double[PROSE_WORDS];

    Seeder() {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < PROSE_WORDS) {
            StringBuilder word = new StringBuilder();
            int syllables = 1 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        words.toArray(prose);
        double sum = 0;
        for (int rank = 0; rank < PROSE_WORDS; rank++) {
            sum += 1.0 / (rank + 1);
            proseWeights[rank] = sum;
        }
        for (int rank = 0; rank < PROSE_WORDS; rank++) {
            proseWeights[rank] /= sum;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Seeder <jdbc-url> <out-dir>");
        }
        Map<String, String> env = System.getenv();
        Sizes sizes = new Sizes(
                intOf(env, "BENCH_BOOKS", 10_000),
                intOf(env, "BENCH_SHOPPERS", 1_000),
                intOf(env, "BENCH_RACERS", 200),
                intOf(env, "BENCH_RACE_STOCK", 20),
                intOf(env, "BENCH_BUYERS", 30_000),
                intOf(env, "BENCH_DISCOUNTERS", 100),
                intOf(env, "BENCH_DISCOUNT_USES", 10));
        String secret = CeilingServer.required(env, "JWT_SECRET");
        Duration ttl = Duration.parse(env.getOrDefault("ACCESS_TOKEN_TTL", "PT4H"));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(
                args[0], env.getOrDefault("DATABASE_USER", "postgres"), env.get("DATABASE_PASSWORD"))) {
            new Seeder()
                    .seed(
                            db,
                            sizes,
                            new AccessTokens(
                                    new WebSettings.Jwt(secret, "bookshop", "bookshop-api", ttl), Clock.systemUTC()),
                            out);
        }
        System.out.printf("seeded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    record Sizes(int books, int shoppers, int racers, int raceStock, int buyers, int discounters, int discountUses) {}

    /** The code of the discount race: every discounter's cart has it applied; it may be redeemed this often. */
    static final String RACE_CODE = "BENCH-RACE";

    private record Book(UUID id, String slug, String title, String author, String series, int stock) {}

    private void seed(Connection db, Sizes sizes, AccessTokens tokens, Path out) throws SQLException, IOException {
        try (Statement sql = db.createStatement()) {
            sql.execute("truncate users, categories, products, carts, orders, idempotency_keys, refresh_tokens,"
                    + " order_items, order_events, mail_outbox, processed_payment_events, discount_codes,"
                    + " discount_redemptions cascade");
        }

        List<UUID> categoryIds = new ArrayList<>();
        List<String> categorySlugs = new ArrayList<>();
        copy(db, "categories (id, slug, name)", rows -> {
            for (String name : CATEGORIES) {
                UUID id = UUID.randomUUID();
                String slug = Slug.fromText(name).value();
                categoryIds.add(id);
                categorySlugs.add(slug);
                rows.accept(csv(id, slug, name));
            }
        });

        List<String> authors = new ArrayList<>();
        for (int i = 0; i < Math.max(50, sizes.books() / 5); i++) {
            authors.add(pick(FIRST) + " " + pick(LAST) + (i >= FIRST.length * LAST.length ? " " + i : ""));
        }
        List<String> series = new ArrayList<>();
        for (int i = 0; i < Math.max(20, sizes.books() / 12); i++) {
            series.add("The " + capitalise(pick(WORDS)) + " " + capitalise(pick(WORDS)) + " Cycle " + (i + 1));
        }

        List<Book> books = new ArrayList<>();
        List<String> links = new ArrayList<>();
        // Building an index once over a filled table is many times faster than keeping it up to date row by row.
        List<String> indexes = dropSecondaryIndexes(db, "products", "product_categories");
        copy(
                db,
                "products (id, slug, title, author, series, description, isbn, price_cents, stock, active,"
                        + " created_at, updated_at, category_ids)",
                rows -> {
                    for (int i = 0; i < sizes.books(); i++) {
                        UUID id = UUID.randomUUID();
                        String title = title();
                        String slug = Slug.fromText(title).value() + "-" + (i + 1);
                        String author = authors.get(random.nextInt(authors.size()));
                        String inSeries = random.nextInt(10) < 4 ? series.get(random.nextInt(series.size())) : null;
                        // One book in ten is sold out, so the in-stock filter has something to filter.
                        int stock = random.nextInt(10) == 0 ? 0 : 100_000 + random.nextInt(1_000);
                        boolean active = random.nextInt(50) != 0;
                        Instant created = now.minusSeconds(random.nextInt(3_000_000));
                        // Drawn in the order the catalogue has always been drawn in, so a seed gives the same books.
                        String description = description();
                        String isbn = isbn(i);
                        int price = 199 + random.nextInt(4_800);
                        Set<Integer> shelves = new LinkedHashSet<>();
                        int count = 1 + random.nextInt(3);
                        while (shelves.size() < count) {
                            shelves.add(random.nextInt(categoryIds.size()));
                        }
                        List<UUID> shelfIds =
                                shelves.stream().map(categoryIds::get).toList();
                        rows.accept(csv(
                                id,
                                slug,
                                title,
                                author,
                                inSeries,
                                description,
                                isbn,
                                price,
                                stock,
                                active,
                                created,
                                created,
                                "{"
                                        + String.join(
                                                ",",
                                                shelfIds.stream()
                                                        .map(UUID::toString)
                                                        .toList()) + "}"));
                        if (active) {
                            books.add(new Book(id, slug, title, author, inSeries, stock));
                        }
                        for (UUID shelf : shelfIds) {
                            // The shelf row with the copies of its book's keys the insert trigger would write.
                            links.add(csv(
                                    id,
                                    shelf,
                                    active,
                                    stock > 0,
                                    price,
                                    title.toLowerCase(Locale.ROOT),
                                    title,
                                    created));
                        }
                    }
                });
        // The generated titles are ASCII, so Java's lower case is PostgreSQL's lower(); the trigger (and the foreign
        // keys' checks and the shelf ids' upkeep, which are triggers too) stay off for this one copy.
        try (Statement sql = db.createStatement()) {
            sql.execute("set session_replication_role = replica");
        }
        copy(
                db,
                "product_categories (product_id, category_id, active, in_stock, price_cents, title_key, title,"
                        + " created_at)",
                rows -> links.forEach(rows));
        try (Statement sql = db.createStatement()) {
            sql.execute("set session_replication_role = default");
            sql.execute("set maintenance_work_mem = '512MB'");
            for (String index : indexes) {
                sql.execute(index);
            }
        }

        // The race book: nobody else's cart or checkout touches it.
        UUID raceBook = UUID.randomUUID();
        copy(
                db,
                "products (id, slug, title, author, price_cents, stock, active, created_at, updated_at)",
                rows -> rows.accept(csv(
                        raceBook,
                        "the-last-copies",
                        "The Last Copies",
                        "Bench Mark",
                        999,
                        sizes.raceStock(),
                        true,
                        now,
                        now)));

        String hash = new BcryptPasswordHasher(BcryptPasswordHasher.MIN_COST)
                .hash(Password.chosen(PASSWORD))
                .value();
        List<UUID> shoppers = users(db, "shopper", sizes.shoppers(), hash);
        List<UUID> racers = users(db, "racer", sizes.racers(), hash);
        List<UUID> buyers = users(db, "buyer", sizes.buyers(), hash);
        List<UUID> discounters = users(db, "discounter", sizes.discounters(), hash);

        List<Book> inStock = books.stream().filter(b -> b.stock() > 0).toList();
        carts(db, racers, buyer -> List.of(raceBook));
        carts(db, buyers, buyer -> {
            Set<UUID> lines = new LinkedHashSet<>();
            int count = 1 + random.nextInt(3);
            while (lines.size() < count) {
                lines.add(inStock.get(random.nextInt(inStock.size())).id());
            }
            return List.copyOf(lines);
        });
        // The discount race: a book with a copy for everyone (stock is not what they race for) and a code with
        // fewer uses than racers, applied to every racer's cart, so a checkout without a body redeems it.
        UUID discountBook = UUID.randomUUID();
        copy(
                db,
                "products (id, slug, title, author, price_cents, stock, active, created_at, updated_at)",
                rows -> rows.accept(csv(
                        discountBook,
                        "the-bargain",
                        "The Bargain",
                        "Bench Mark",
                        2000,
                        Math.max(1, sizes.discounters()),
                        true,
                        now,
                        now)));
        carts(db, discounters, buyer -> List.of(discountBook));
        try (Statement sql = db.createStatement()) {
            sql.execute("insert into discount_codes (id, code, kind, value, max_redemptions, active, created_at)"
                    + " values ('" + UUID.randomUUID() + "', '" + RACE_CODE + "', 'PERCENT', 10, "
                    + Math.max(1, sizes.discountUses()) + ", true, now())");
            sql.execute("update carts set discount_code = '" + RACE_CODE + "' where user_id in"
                    + " (select id from users where email like 'discounter-%')");
            sql.execute("vacuum analyze");
        }

        writeTokens(out.resolve("tokens-shoppers.txt"), shoppers, tokens);
        writeTokens(out.resolve("tokens-racers.txt"), racers, tokens);
        writeTokens(out.resolve("tokens-buyers.txt"), buyers, tokens);
        writeTokens(out.resolve("tokens-discounters.txt"), discounters, tokens);
        Files.writeString(out.resolve("race-book.txt"), raceBook + "\n");
        Files.write(
                out.resolve("products-cart.txt"),
                inStock.stream().map(b -> b.id().toString()).toList());
        Files.write(
                out.resolve("paths-pk.txt"),
                books.stream().map(b -> "/ceiling/product/" + b.id()).toList());
        List<String> details = new ArrayList<>();
        for (Book book : books) {
            // Mostly by slug, as a shop front links them; some by id.
            details.add(
                    "/api/v1/products/" + (random.nextInt(10) == 0 ? book.id().toString() : book.slug()));
        }
        Files.write(out.resolve("paths-detail.txt"), details);
        Files.write(out.resolve("paths-list.txt"), listPaths(books, categorySlugs));
        Files.write(out.resolve("paths-search.txt"), searchPaths(books));
        Files.write(out.resolve("paths-facets.txt"), facetsPaths(books, categorySlugs));
        Files.write(out.resolve("paths-suggest.txt"), suggestPaths(books));
        Files.write(out.resolve("paths-walk.txt"), walkStarts(categorySlugs));
        System.out.printf(
                "%d books (%d active) in %d categories and %d series, %d shoppers, %d racers for %d copies, %d buyers%n",
                sizes.books(),
                books.size(),
                CATEGORIES.length,
                series.size(),
                shoppers.size(),
                racers.size(),
                sizes.raceStock(),
                buyers.size());
    }

    /**
     * Drops the indexes of {@code tables} that no constraint owns (the primary and unique keys stay, so the copies are
     * still checked) and answers the statements that build them again.
     */
    private static List<String> dropSecondaryIndexes(Connection db, String... tables) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement sql = db.createStatement()) {
            try (var rows = sql.executeQuery("select i.indexname, i.indexdef from pg_indexes i"
                    + " where i.schemaname = current_schema() and i.tablename in ('" + String.join("','", tables)
                    + "') and not exists (select 1 from pg_constraint c where c.conname = i.indexname)")) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                    definitions.add(rows.getString(2));
                }
                for (String name : names) {
                    sql.execute("drop index \"" + name + "\"");
                }
            }
        }
        return definitions;
    }

    private List<UUID> users(Connection db, String kind, int count, String hash) throws SQLException, IOException {
        List<UUID> ids = new ArrayList<>(count);
        copy(db, "users (id, email, password_hash, role, active, created_at)", rows -> {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                rows.accept(csv(id, "%s-%05d@bench.local".formatted(kind, i + 1), hash, "USER", true, now));
            }
        });
        return ids;
    }

    private interface CartLines {
        List<UUID> of(UUID owner);
    }

    private void carts(Connection db, List<UUID> owners, CartLines lines) throws SQLException, IOException {
        List<UUID> cartIds = new ArrayList<>(owners.size());
        copy(db, "carts (id, user_id, updated_at)", rows -> {
            for (UUID owner : owners) {
                UUID id = UUID.randomUUID();
                cartIds.add(id);
                rows.accept(csv(id, owner, now));
            }
        });
        copy(db, "cart_items (cart_id, product_id, quantity, position)", rows -> {
            for (int i = 0; i < owners.size(); i++) {
                List<UUID> books = lines.of(owners.get(i));
                for (int position = 0; position < books.size(); position++) {
                    rows.accept(csv(cartIds.get(i), books.get(position), 1, position));
                }
            }
        });
    }

    private static void writeTokens(Path file, List<UUID> users, AccessTokens tokens) throws IOException {
        List<String> lines = new ArrayList<>(users.size());
        for (UUID user : users) {
            lines.add(tokens.issue(UserId.of(user), Role.USER).token());
        }
        Files.write(file, lines);
    }

    private List<String> listPaths(List<Book> books, List<String> categorySlugs) {
        String[] sorts = {"title", "-title", "price", "-price", "newest"};
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            List<String> query = new ArrayList<>();
            Book book = books.get(random.nextInt(books.size()));
            switch (random.nextInt(8)) {
                case 0, 1 -> {} // the whole shop
                case 2 -> query.add("category=" + categorySlugs.get(random.nextInt(categorySlugs.size())));
                case 3 -> query.add("author=" + encode(book.author()));
                case 4 -> query.add("series=" + encode(book.series() != null ? book.series() : "Nothing Here"));
                case 5 -> {
                    int min = 100 * random.nextInt(40);
                    query.add("minPrice=" + min);
                    query.add("maxPrice=" + (min + 500 + 100 * random.nextInt(20)));
                }
                case 6 -> query.add("inStock=true");
                default -> {
                    query.add("category=" + categorySlugs.get(random.nextInt(categorySlugs.size())));
                    query.add("inStock=true");
                    query.add("maxPrice=" + (1_000 + 100 * random.nextInt(40)));
                }
            }
            if (random.nextInt(3) > 0) {
                query.add("sort=" + sorts[random.nextInt(sorts.length)]);
            }
            // Most readers stay on the first pages.
            int page = random.nextInt(4) == 0 ? 1 + random.nextInt(25) : 1 + random.nextInt(3);
            if (page > 1) {
                query.add("page=" + page);
            }
            paths.add("/api/v1/products" + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        }
        return paths;
    }

    /** The filter sidebar beside a list or a search: the same mixture of filters the list scenario reads. */
    private List<String> facetsPaths(List<Book> books, List<String> categorySlugs) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Book book = books.get(random.nextInt(books.size()));
            String query = switch (random.nextInt(7)) {
                case 0 -> "";
                case 1, 2 -> "category=" + categorySlugs.get(random.nextInt(categorySlugs.size()));
                case 3 -> "author=" + encode(book.author());
                case 4 -> "series=" + encode(book.series() != null ? book.series() : "Nothing Here");
                case 5 -> "q=" + encode(pick(WORDS));
                default -> "category=" + categorySlugs.get(random.nextInt(categorySlugs.size())) + "&inStock=true";
            };
            paths.add("/api/v1/products/facets" + (query.isEmpty() ? "" : "?" + query));
        }
        return paths;
    }

    /** A search box as someone types: the first two to six letters of a title word, an author or a series. */
    private List<String> suggestPaths(List<Book> books) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Book book = books.get(random.nextInt(books.size()));
            String text = switch (random.nextInt(3)) {
                case 0 -> book.author();
                case 1 -> book.series() != null ? book.series() : book.title();
                default -> book.title().startsWith("The ") ? book.title().substring(4) : book.title();
            };
            String prefix = text.substring(0, Math.min(text.length(), 2 + random.nextInt(5)))
                    .strip();
            paths.add("/api/v1/products/suggest?q=" + encode(prefix));
        }
        return paths;
    }

    /** First pages of long walks: the whole shop or one shelf, in every sort, 50 books a page, followed by cursor. */
    private List<String> walkStarts(List<String> categorySlugs) {
        String[] sorts = {"title", "-title", "price", "-price", "newest"};
        List<String> paths = new ArrayList<>();
        for (String sort : sorts) {
            paths.add("/api/v1/products?size=50&sort=" + sort);
            paths.add("/api/v1/products?size=50&sort=" + sort + "&category=" + categorySlugs.get(0));
            paths.add("/api/v1/products?size=50&sort=" + sort + "&inStock=true");
        }
        return paths;
    }

    private List<String> searchPaths(List<Book> books) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Book book = books.get(random.nextInt(books.size()));
            String q = switch (random.nextInt(7)) {
                case 6 -> proseWord();
                case 0 -> pick(WORDS);
                case 1 -> pick(WORDS) + " " + pick(WORDS);
                case 2 -> book.author().substring(book.author().indexOf(' ') + 1);
                case 3 -> book.title();
                case 4 -> book.series() != null ? book.series() : pick(WORDS);
                default ->
                    pick(WORDS) + " " + book.author().substring(0, book.author().indexOf(' '));
            };
            String path = "/api/v1/products/search?q=" + encode(q);
            paths.add(random.nextInt(5) == 0 ? path + "&page=2" : path);
        }
        return paths;
    }

    private String title() {
        return switch (random.nextInt(4)) {
            case 0 -> "The " + capitalise(pick(WORDS)) + " " + capitalise(pick(WORDS));
            case 1 -> capitalise(pick(WORDS)) + " of the " + capitalise(pick(WORDS));
            case 2 -> "A " + capitalise(pick(WORDS)) + " " + capitalise(pick(WORDS)) + " " + capitalise(pick(WORDS));
            default -> capitalise(pick(WORDS)) + " and " + capitalise(pick(WORDS));
        };
    }

    /** 40 to 100 words of Zipf-distributed prose, with a word of the title vocabulary now and then. */
    private String description() {
        StringBuilder text = new StringBuilder();
        int words = 40 + random.nextInt(60);
        for (int i = 0; i < words; i++) {
            String word = random.nextInt(25) == 0 ? pick(WORDS) : proseWord();
            text.append(i == 0 ? capitalise(word) : word);
            text.append(i == words - 1 ? "." : random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString();
    }

    private String proseWord() {
        int rank = java.util.Arrays.binarySearch(proseWeights, random.nextDouble());
        return prose[Math.min(rank < 0 ? -rank - 1 : rank, PROSE_WORDS - 1)];
    }

    /** A valid ISBN-13 (the domain checks the digit when it reads the row back). */
    private static String isbn(int n) {
        String body = "978" + "%09d".formatted(100_000_000 + n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private interface Rows {
        void write(Consumer<String> rows) throws IOException;
    }

    private static void copy(Connection db, String target, Rows rows) throws SQLException, IOException {
        StringBuilder data = new StringBuilder();
        rows.write(line -> data.append(line).append('\n'));
        try {
            db.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + target + " from stdin (format csv)", new StringReader(data.toString()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One CSV line; null is an empty unquoted field, which COPY reads as NULL. */
    private static String csv(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                line.append('"')
                        .append(values[i].toString().replace("\"", "\"\""))
                        .append('"');
            }
        }
        return line.toString();
    }

    private static int intOf(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }
}

package dev.bookshop.adapters.persistence.jooq.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the jOOQ adapter's table classes from the Flyway migrations: starts an embedded PostgreSQL, migrates it,
 * reads it back with jOOQ's generator, stops it. Runs in the build's {@code generate-sources} phase, and skips all of
 * that when the migrations have not changed since the last run.
 *
 * <p>Arguments: the migrations directory, the output directory, the target package.
 */
public final class GenerateJooqSources {

    private static final Logger log = LoggerFactory.getLogger(GenerateJooqSources.class);

    /** Bump when the generator settings below change, so existing output is regenerated. */
    private static final String SETTINGS_VERSION = "2";

    private GenerateJooqSources() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateJooqSources <migrations dir> <output dir> <package>");
        }
        Path migrations = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        String packageName = args[2];

        String fingerprint = fingerprint(migrations, packageName);
        Path stamp = output.resolveSibling(output.getFileName() + ".fingerprint");
        if (Files.isDirectory(output)
                && Files.exists(stamp)
                && Files.readString(stamp).equals(fingerprint)) {
            log.info("jOOQ sources are up to date with {}", migrations);
            return;
        }

        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", "")
                    .locations("filesystem:" + migrations)
                    .load()
                    .migrate();
            GenerationTool.generate(configuration(url, output, packageName));
        }
        Files.writeString(stamp, fingerprint);
        log.info(
                "Generated jOOQ sources in {} from {} ({} ms)",
                output,
                migrations,
                (System.nanoTime() - started) / 1_000_000);
    }

    static Configuration configuration(String url, Path output, String packageName) {
        return new Configuration()
                .withLogging(Logging.WARN)
                .withJdbc(new Jdbc()
                        .withDriver("org.postgresql.Driver")
                        .withUrl(url)
                        .withUser("postgres"))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withIncludes(".*")
                                .withIncludeExcludeColumns(true)
                                // The search vector is only ever read through SQL functions; jOOQ has no type for it.
                                .withExcludes("flyway_schema_history|products\\.search_vector")
                                .withForcedTypes(new ForcedType()
                                        .withName("INSTANT")
                                        .withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone|timestamptz)")))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                .withGeneratedAnnotation(false)
                                .withComments(false))
                        .withTarget(new Target()
                                .withPackageName(packageName)
                                .withDirectory(output.toString())
                                .withClean(true)));
    }

    /** A digest of every migration's name and content, and of the generator settings. */
    static String fingerprint(Path migrations, String packageName) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((SETTINGS_VERSION + "|" + packageName + "|" + org.jooq.Constants.VERSION)
                    .getBytes(StandardCharsets.UTF_8));
            List<Path> files;
            try (Stream<Path> walk = Files.walk(migrations)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                digest.update(migrations.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}

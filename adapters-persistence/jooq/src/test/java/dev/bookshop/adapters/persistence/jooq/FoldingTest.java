package dev.bookshop.adapters.persistence.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.catalog.query.FoldedText;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The SQL function {@code bookshop_fold} the suggestion indexes are built on folds as {@link FoldedText} does, which
 * the memory adapter uses and the contract's accent cases assume: letter by letter over its whole table, and on names.
 */
class FoldingTest extends DatabaseTest {

    @Test
    void sqlAndJavaFoldEveryLetterAlike() {
        List<String> samples = new ArrayList<>();
        FoldedText.ACCENTED.chars().forEach(c -> samples.add(String.valueOf((char) c)));
        for (char c = 'A'; c <= 'Z'; c++) {
            samples.add(String.valueOf(c));
        }
        for (String[] digraph : FoldedText.DIGRAPHS) {
            samples.add(digraph[0]);
            samples.add(digraph[0].toUpperCase(java.util.Locale.ROOT));
        }
        samples.addAll(List.of(
                "Pérez-Reverte",
                "ÅSA ÅSTRÖM",
                "Straße",
                "STRASSE",
                "Œuvres Complètes",
                "Þórbergur Þórðarson",
                "Łódź",
                "Dvořák",
                "Ærø",
                "Müller & Söhne 1984",
                "東京 — 100%_done"));
        DSLContext dsl = JooqPersistence.dslContext(db.dataSource());

        for (String sample : samples) {
            String sql = dsl.select(DSL.function("bookshop_fold", String.class, DSL.val(sample)))
                    .fetchSingle()
                    .value1();
            assertThat(sql).as("bookshop_fold(%s)", sample).isEqualTo(FoldedText.fold(sample));
        }
        assertThat(FoldedText.fold("Pérez ÅSTRÖM Straße Œuvre")).isEqualTo("perez astrom strasse oeuvre");
    }
}

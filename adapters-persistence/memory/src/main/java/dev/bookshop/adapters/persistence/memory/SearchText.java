package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.domain.catalog.Product;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a search, and how well a book matches them: a stand-in for PostgreSQL's full-text search. Like
 * {@code plainto_tsquery}, a book matches only when it holds every word; a word matches the start of a word of the
 * book (so {@code hobbit} finds {@code hobbits}), ignoring case and accents. Title hits weigh most, then author and
 * series, then the description.
 */
record SearchText(List<String> words) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words too common to tell books apart; PostgreSQL's English configuration drops them too. */
    private static final Set<String> STOP_WORDS =
            Set.of("a", "an", "and", "at", "by", "for", "in", "is", "it", "of", "on", "or", "the", "to", "with");

    private static final int TITLE_WEIGHT = 8;
    private static final int AUTHOR_WEIGHT = 4;
    private static final int SERIES_WEIGHT = 4;
    private static final int DESCRIPTION_WEIGHT = 1;

    SearchText {
        words = List.copyOf(words);
    }

    static SearchText of(String text) {
        return new SearchText(tokens(text == null ? "" : text).stream()
                .filter(w -> !STOP_WORDS.contains(w))
                .distinct()
                .toList());
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** 0 when some word is missing from the book, otherwise the higher the better. */
    int score(Product product) {
        List<String> title = tokens(product.title());
        List<String> author = tokens(product.details().author());
        List<String> series = tokens(product.details().series().orElse(""));
        List<String> description = tokens(product.details().description().orElse(""));
        int score = 0;
        for (String word : words) {
            int wordScore = weight(title, word, TITLE_WEIGHT)
                    + weight(author, word, AUTHOR_WEIGHT)
                    + weight(series, word, SERIES_WEIGHT)
                    + weight(description, word, DESCRIPTION_WEIGHT);
            if (wordScore == 0) {
                return 0;
            }
            score += wordScore;
        }
        return score;
    }

    private static int weight(List<String> tokens, String word, int weight) {
        return tokens.stream().anyMatch(t -> t.startsWith(word)) ? weight : 0;
    }

    private static List<String> tokens(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }
}

package dev.bookshop.domain.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** A URL-safe, unique-per-kind name such as {@code the-hobbit} or {@code the-hobbit-2}. */
public record Slug(String value) {

    public static final int MAX_LENGTH = 160;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public Slug {
        if (value == null
                || value.length() > MAX_LENGTH
                || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("slug must be lower-case letters, digits and single dashes");
        }
    }

    /** Derives a slug from free text: accents dropped, everything else that is not a letter or digit becomes a dash. */
    public static Slug fromText(String text) {
        String ascii = transliterate(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT));
        // Apostrophes join their word ("Children's" is "childrens"), they do not split it.
        String dashed = NON_ALNUM
                .matcher(ascii.replace("'", "").replace("\u2019", ""))
                .replaceAll("-")
                .replaceAll("^-+|-+$", "");
        if (dashed.isEmpty()) {
            dashed = "item";
        }
        if (dashed.length() > MAX_LENGTH - 6) {
            dashed = dashed.substring(0, MAX_LENGTH - 6).replaceAll("-+$", "");
        }
        return new Slug(dashed);
    }

    /** Letters that carry no separable accent, so decomposition alone would drop them. */
    private static String transliterate(String lower) {
        return lower.replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("œ", "oe")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ð", "d")
                .replace("þ", "th")
                .replace("ı", "i");
    }

    /** The n-th candidate for a taken slug: {@code the-hobbit}, {@code the-hobbit-2}, {@code the-hobbit-3}… */
    public Slug withSuffix(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("suffix starts at 1");
        }
        return n == 1 ? this : new Slug(value + "-" + n);
    }

    public static boolean looksLikeSlug(String text) {
        return text != null
                && text.length() <= MAX_LENGTH
                && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

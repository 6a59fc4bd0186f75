package dev.bookshop.application.catalog.port.in;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which versions of a book an edit was made from: {@link #ANY} when the editor states none, or the versions they read
 * (an HTTP {@code If-Match} may name several). An edit is applied only while the book is at one of them.
 */
public record ExpectedVersion(Optional<Set<Long>> versions) {

    public static final ExpectedVersion ANY = new ExpectedVersion(Optional.empty());

    public ExpectedVersion {
        versions = versions.map(Set::copyOf);
    }

    /** An empty collection admits no version at all: a condition that names nothing current never holds. */
    public static ExpectedVersion oneOf(Collection<Long> versions) {
        return new ExpectedVersion(Optional.of(Set.copyOf(versions)));
    }

    public boolean admits(long version) {
        return versions.map(v -> v.contains(version)).orElse(true);
    }
}

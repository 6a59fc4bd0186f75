package dev.bookshop.application.housekeeping.port.in;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** How many rows one housekeeping round deleted, per kind of data, in the order the purges ran. */
public record PurgeReport(List<Purged> purged) {

    /** One purge's result: what it deletes and how many it deleted. */
    public record Purged(String what, long rows) {
        public Purged {
            Objects.requireNonNull(what);
            if (rows < 0) {
                throw new IllegalArgumentException("rows must not be negative");
            }
        }
    }

    public PurgeReport {
        purged = List.copyOf(purged);
    }

    public long total() {
        return purged.stream().mapToLong(Purged::rows).sum();
    }

    /** The rows deleted by the purge named {@code what}, zero if it did not run. */
    public long rows(String what) {
        return purged.stream()
                .filter(p -> p.what().equals(what))
                .mapToLong(Purged::rows)
                .sum();
    }

    /** The non-zero counts in one line, such as {@code "12 refresh tokens, 3 idempotency keys"}. */
    public String summary() {
        return purged.stream()
                .filter(p -> p.rows() > 0)
                .map(p -> p.rows() + " " + p.what())
                .collect(Collectors.joining(", "));
    }
}

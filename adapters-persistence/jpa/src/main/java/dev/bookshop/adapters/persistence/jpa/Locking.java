package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.TypedQuery;
import java.util.List;
import org.hibernate.LockMode;
import org.hibernate.query.SelectionQuery;

/** Row locks JPA's own lock modes cannot ask for. */
final class Locking {

    private Locking() {}

    /**
     * The query's rows, locked ({@code FOR … UPDATE SKIP LOCKED} on PostgreSQL): rows another transaction holds are
     * skipped rather than waited for, so concurrent workers each take different rows and none blocks.
     */
    static <T> List<T> skippingLocked(TypedQuery<T> query) {
        @SuppressWarnings("unchecked")
        SelectionQuery<T> selection = query.unwrap(SelectionQuery.class);
        return selection.setHibernateLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList();
    }
}

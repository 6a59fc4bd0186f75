package dev.bookshop.adapters.persistence.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one task on many threads released at the same moment, to make races as likely as a test can. */
public final class Concurrently {

    /** Generous: only a deadlock or a lost wake-up gets near it. Nothing asserts on time. */
    private static final long GIVE_UP_MINUTES = 2;

    private Concurrently() {}

    /** Each task's answer, in thread order; the first failure of any task is rethrown. */
    public static <T> List<T> run(int threads, Callable<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>(threads);
            for (Future<T> future : futures) {
                results.add(future.get(GIVE_UP_MINUTES, TimeUnit.MINUTES));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while racing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a racing task failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("racing tasks never finished: a deadlock?", e);
        } finally {
            pool.shutdownNow();
        }
    }
}

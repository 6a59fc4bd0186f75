package dev.bookshop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deep cursor walks: each walker, on a connection of its own, opens a first page (a line of the starts file) and
 * follows {@code nextCursor} page after page until the list ends or the time is up, then starts another walk. A walk
 * of 50-book pages is hundreds of pages deep by the end, past the numbered-page window; the latency of the deep pages
 * beside that of the first ones shows whether a page costs the same at any depth. Prints the RESULT line bench/run.sh
 * reads (as the wrk scripts do) and a WALK line with the depths.
 *
 * <p>Usage: {@code CursorWalk <base-url> <starts-file> <walkers> <seconds>}.
 */
public final class CursorWalk {

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    /** From this page on a page counts as deep: 5,000 books in at 50 a page, half the numbered-page window. */
    private static final int DEEP_PAGE = 100;

    private CursorWalk() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: CursorWalk <base-url> <starts-file> <walkers> <seconds>");
        }
        String base = args[0];
        List<String> starts = Files.readAllLines(Path.of(args[1])).stream()
                .filter(line -> !line.isBlank())
                .toList();
        int walkers = Integer.parseInt(args[2]);
        long until =
                System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Walker> all = new ArrayList<>();
        AtomicInteger socketErrors = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < walkers; i++) {
                Walker walker = new Walker();
                all.add(walker);
                pool.submit(() -> {
                    walker.walk(base, starts, until, statuses, socketErrors);
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] every = all.stream()
                .flatMapToLong(w -> Arrays.stream(w.latencies()))
                .sorted()
                .toArray();
        long[] deep = all.stream()
                .flatMapToLong(w -> Arrays.stream(w.deepLatencies()))
                .sorted()
                .toArray();
        int non2xx = statuses.entrySet().stream()
                .filter(e -> e.getKey() < 200 || e.getKey() > 299)
                .mapToInt(e -> e.getValue().get())
                .sum();
        StringBuilder line = new StringBuilder(
                "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d"
                        .formatted(
                                every.length,
                                seconds,
                                every.length / seconds,
                                millis(every, 50),
                                millis(every, 90),
                                millis(every, 99),
                                millis(every, 100),
                                non2xx,
                                socketErrors.get()));
        new TreeMap<>(statuses)
                .forEach((status, count) ->
                        line.append(" s").append(status).append('=').append(count));
        System.out.println(line);
        System.out.printf(
                "WALK walks=%d deepest_page=%d deep_pages=%d deep_p50_ms=%.2f deep_p99_ms=%.2f%n",
                all.stream().mapToInt(Walker::walks).sum(),
                all.stream().mapToInt(Walker::deepest).max().orElse(0),
                deep.length,
                millis(deep, 50),
                millis(deep, 99));
    }

    private static double millis(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    /** One reader paging through lists, one page at a time, on its own connection. */
    private static final class Walker {
        private final List<Long> latencies = new ArrayList<>();
        private final List<Long> deepLatencies = new ArrayList<>();
        private int walks;
        private int deepest;

        void walk(
                String base,
                List<String> starts,
                long until,
                Map<Integer, AtomicInteger> statuses,
                AtomicInteger socketErrors) {
            try (HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()) {
                while (System.nanoTime() < until) {
                    String start = starts.get(ThreadLocalRandom.current().nextInt(starts.size()));
                    walks++;
                    String cursor = null;
                    for (int page = 1; System.nanoTime() < until; page++) {
                        String path = cursor == null ? start : start + "&cursor=" + cursor;
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build();
                        long sent = System.nanoTime();
                        HttpResponse<String> answer;
                        try {
                            answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                        } catch (java.io.IOException e) {
                            socketErrors.incrementAndGet();
                            break;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        long took = System.nanoTime() - sent;
                        latencies.add(took);
                        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                                .incrementAndGet();
                        if (answer.statusCode() != 200) {
                            break;
                        }
                        deepest = Math.max(deepest, page);
                        if (page >= DEEP_PAGE) {
                            deepLatencies.add(took);
                        }
                        Matcher next = NEXT_CURSOR.matcher(answer.body());
                        if (!next.find()) {
                            break;
                        }
                        cursor = next.group(1);
                    }
                }
            }
        }

        long[] latencies() {
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }

        long[] deepLatencies() {
            return deepLatencies.stream().mapToLong(Long::longValue).toArray();
        }

        int walks() {
            return walks;
        }

        int deepest() {
            return deepest;
        }
    }
}

package dev.bookshop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last-copies race: every racer (one access token a line; each racer's cart holds the race book) checks out at
 * the same instant, over a connection of its own. Prints how many answers each status got; bench/run.sh then checks in
 * the database that exactly as many orders as there were copies exist and the stock is zero.
 *
 * <p>Usage: {@code LastCopiesRace <base-url> <tokens-file>}.
 */
public final class LastCopiesRace {

    private LastCopiesRace() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LastCopiesRace <base-url> <tokens-file>");
        }
        URI checkout = URI.create(args[0] + "/api/v1/checkout");
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream()
                .filter(t -> !t.isBlank())
                .toList();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(tokens.size());
        CountDownLatch go = new CountDownLatch(1);
        List<HttpClient> clients = new ArrayList<>();
        long started;
        try (ExecutorService racers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (String token : tokens) {
                // A client each, so every racer has a connection of its own and none waits for another's.
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                clients.add(client);
                HttpRequest request = HttpRequest.newBuilder(checkout)
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
                done.add(racers.submit(() -> {
                    ready.countDown();
                    go.await();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (java.io.IOException e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            ready.await();
            started = System.nanoTime();
            go.countDown();
            for (Future<?> racer : done) {
                racer.get();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        clients.forEach(HttpClient::close);
        StringBuilder line = new StringBuilder("RACE racers=" + tokens.size() + " millis=" + millis);
        new TreeMap<>(statuses)
                .forEach((status, count) ->
                        line.append(" s").append(status).append('=').append(count));
        System.out.println(line);
    }
}

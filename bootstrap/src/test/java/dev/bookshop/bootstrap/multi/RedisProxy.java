package dev.bookshop.bootstrap.multi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of the test Redis that can fail like a Redis going away: {@link #cut} drops every open
 * connection and hangs up on new ones, {@link #restore} relays again. It keeps its port throughout, so nothing else
 * can take it during the outage.
 */
final class RedisProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String redisHost;
    private final int redisPort;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private RedisProxy(ServerSocket listener, String redisHost, int redisPort) {
        this.listener = listener;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
    }

    static RedisProxy to(String redisHost, int redisPort) {
        try {
            RedisProxy proxy =
                    new RedisProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), redisHost, redisPort);
            Thread.ofPlatform().daemon().name("redis-proxy").start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + listener.getLocalPort();
    }

    void cut() {
        up.set(false);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    void restore() {
        up.set(true);
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (!up.get()) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket redis = new Socket(redisHost, redisPort);
                open.add(client);
                open.add(redis);
                pipe(client, redis);
                pipe(redis, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side went away: the relay ends with it.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that was wanted.
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw client loops against a {@link BenchServer}: each posts {@code n} single-event bodies (the same
 * ones the worker sends) with a fixed number of calls in flight, and nothing else. They are the
 * baselines the delivery worker is compared with, and {@code wrk} is the machine's floor.
 */
final class ClientLoops {

    /** The clients compared, in the order they run. */
    static final List<String> CLIENTS = List.of("vertx", "netty", "jdk");

    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private ClientLoops() {}

    /** Runs one client's loop and returns the server-side rate. */
    static double run(String client, BenchServer server, String path, int n, int window) throws Exception {
        return switch (client) {
            case "vertx" -> vertx(server, path, n, window);
            case "netty" -> NettyLoop.run(server, path, n, window);
            case "jdk" -> jdk(server, path, n, window);
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
    }

    /** The Vert.x 4 HttpClient (core): one event loop, {@code window} keep-alive connections, closed loop. */
    static double vertx(BenchServer server, String path, int n, int window) throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(window));
            String url = server.url(path);
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(n);
            Runnable[] lane = new Runnable[1];
            lane[0] = () -> {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                RequestOptions o = new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setAbsoluteURI(url)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Idempotency-Key", "raw-" + i);
                client.request(o)
                        .compose(req -> req.send(Buffer.buffer(DeliveryBench.body("raw-" + i))))
                        .compose(resp -> resp.body())
                        .onComplete(ar -> {
                            done.countDown();
                            lane[0].run();
                        });
            };
            for (int l = 0; l < window; l++) {
                vertx.runOnContext(v -> lane[0].run());
            }
            done.await(60, TimeUnit.SECONDS);
            return server.counter(path).rate();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** java.net.http sendAsync with {@code window} calls in flight (what delivery used before issue 25). */
    static double jdk(BenchServer server, String path, int n, int window) throws InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Semaphore inFlight = new Semaphore(window);
        URI uri = URI.create(server.url(path));
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "raw-" + i)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(DeliveryBench.body("raw-" + i)))
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((r, e) -> inFlight.release());
        }
        if (!inFlight.tryAcquire(window, 60, TimeUnit.SECONDS)) {
            System.out.println("jdk loop: calls still in flight after 60 s");
        }
        return server.counter(path).rate();
    }

    /**
     * {@code wrk -t1 -c<window> -d<seconds>s} posting the same body, or -1 when wrk is not installed
     * (Debian: {@code apt-get install wrk}).
     */
    static double wrk(BenchServer server, String path, int window, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("sb-wrk", ".lua");
        try {
            String body = new String(DeliveryBench.body("wrk"), StandardCharsets.UTF_8).replace("\"", "\\\"");
            Files.writeString(
                    script,
                    "wrk.method = \"POST\"\nwrk.body = \"" + body + "\"\n"
                            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
            Process p;
            try {
                p = new ProcessBuilder(
                                "wrk",
                                "-t1",
                                "-c" + window,
                                "-d" + seconds + "s",
                                "-s",
                                script.toString(),
                                server.url(path))
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                return -1;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(seconds + 30L, TimeUnit.SECONDS);
            Matcher m = WRK_RATE.matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}

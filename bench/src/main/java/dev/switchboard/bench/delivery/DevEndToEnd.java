/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * End to end through {@code switchboard dev} (the launcher jar, in a JVM of its own) with one
 * destination at a local always-200 {@link EventSink}: {@code /v1/batch} load stepped through the
 * offered rates, each step {@code seconds} long, then a drain of at most 60 s. For each step it prints
 * the events acknowledged, the distinct events delivered while the load ran, and how long the rest took
 * to arrive. A step keeps up when delivered-during-load is within 2 % of acknowledged. A warm-up step
 * at the first rate comes first and is not printed. Everything runs on 127.0.0.1, bounded in time.
 *
 * <p>Usage: {@code DevEndToEnd JAR [webhook|batching] [seconds] [rate...]} (defaults: webhook, 20 s,
 * 1000 2500 5000 7500 10000 ev/s).
 */
public final class DevEndToEnd {

    private static final String WRITE_KEY = "wk_e2e";
    private static final int EVENTS_PER_CALL = 20;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private DevEndToEnd() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "launcher/target/switchboard.jar");
        boolean batching = args.length > 1 && args[1].equals("batching");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Double> rates = args.length > 3
                ? Arrays.stream(args, 3, args.length).map(Double::valueOf).toList()
                : List.of(1000.0, 2500.0, 5000.0, 7500.0, 10000.0);
        String prefix = "e2e-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        Path dir = Files.createTempDirectory("sb-e2e");
        int apiPort = freePort();
        try (EventSink sink = new EventSink(prefix)) {
            Path workspace = dir.resolve("workspace.yaml");
            Files.writeString(workspace, workspace(sink.url("/hook"), batching));
            Process dev = new ProcessBuilder(
                            "java",
                            "-Xmx1g",
                            "-jar",
                            jar.toString(),
                            "dev",
                            "--fresh",
                            "--no-warehouse", // delivery alone, as measured before the warehouse existed
                            "--data-dir",
                            dir.resolve("data").toString(),
                            "--config",
                            workspace.toString(),
                            "--port",
                            Integer.toString(apiPort),
                            "--kafka-port",
                            Integer.toString(freePort()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dev.log").toFile())
                    .start();
            try (BatchLoad load = new BatchLoad(apiPort, WRITE_KEY, prefix)) {
                awaitReady(apiPort, dev);
                System.out.printf(
                        "%nswitchboard dev, one %s destination, /v1/batch of %d events, %d s per step (log: %s)%n",
                        batching ? "batching http-request" : "per-event webhook",
                        EVENTS_PER_CALL,
                        seconds,
                        dir.resolve("dev.log"));
                step(load, sink, rates.get(0), Math.min(seconds, 10)); // warm-up, not printed
                System.out.println(
                        "| offered ev/s | acknowledged | delivered during the load | ratio | rest arrived after |");
                System.out.println("| --- | --- | --- | --- | --- |");
                for (double rate : rates) {
                    System.out.println(step(load, sink, rate, seconds));
                }
            } finally {
                dev.destroy();
                if (!dev.waitFor(30, TimeUnit.SECONDS)) {
                    dev.destroyForcibly();
                }
            }
        }
    }

    /** One step; returns its table row. */
    private static String step(BatchLoad load, EventSink sink, double rate, int seconds) throws InterruptedException {
        long ackBefore = load.acknowledged();
        long deliveredBefore = sink.distinct();
        load.offer(rate, EVENTS_PER_CALL, Duration.ofSeconds(seconds));
        long acknowledged = load.acknowledged() - ackBefore;
        long during = sink.distinct() - deliveredBefore;
        long drainStart = System.nanoTime();
        long deadline = drainStart + DRAIN_LIMIT.toNanos();
        while (sink.distinct() < load.acknowledged() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double drained = (System.nanoTime() - drainStart) / 1e9;
        long missing = load.acknowledged() - sink.distinct();
        String rest = missing <= 0
                ? String.format("%.1f s", drained)
                : String.format("%,d still missing after %.0f s", missing, drained);
        return String.format(
                "| %,.0f | %,d | %,d (%,.0f/s) | %.3f | %s |",
                rate,
                acknowledged,
                during,
                during / (double) seconds,
                during / (double) Math.max(1, acknowledged),
                rest);
    }

    private static String workspace(String url, boolean batching) {
        String destination = batching
                ? "  - id: sink\n    type: http-request\n    settings:\n      url: " + url
                        + "\n      enableBatching: true\n      batchSize: 100\n"
                : "  - id: sink\n    type: webhook\n    settings:\n      url: " + url + "\n";
        return "workspace: e2e\nsources:\n  - id: web\n    writeKey: " + WRITE_KEY + "\n"
                + "destinations:\n" + destination
                + "connections:\n  - source: web\n    destination: sink\n";
    }

    private static void awaitReady(int port, Process dev) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!dev.isAlive()) {
                throw new IllegalStateException("switchboard dev exited with " + dev.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("switchboard dev not ready within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

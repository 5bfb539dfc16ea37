/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Known messageIds ({@code <prefix>-<n>}) sent to the tracking API at a bounded rate for a bounded
 * time: for the fault suite half as single {@code /v1/track} calls and half in {@code /v1/batch} calls of
 * {@value #BATCH} events; for the end-to-end benchmark ({@link #batches}) every call a batch. At most {@value #CONCURRENCY} requests open at once (a tick that finds
 * none free sends nothing, so a stalled API is not flooded). Records for each messageId when it was
 * sent and, if the call was answered 200, when: those are the acknowledged events. No retries: a
 * client that gets no 200 is the one that must retry (with the same messageId). Each call answered
 * 200 also records its latency, send to answer, in {@link #ackMicros()}.
 */
public final class LoadGenerator {

    public static final int BATCH = 10;
    private static final int CONCURRENCY = 64;
    private static final long TICK_MILLIS = 50;

    /** One event sent: when, and when acknowledged (0 when it never was), and the HTTP status (-1: none). */
    public record Sent(String messageId, long sentAt, long ackedAt, int status) {}

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI base;
    private final String auth;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Semaphore open = new Semaphore(CONCURRENCY);
    private final Histogram ackMicros = new ConcurrentHistogram(60_000_000L, 3);
    private final int batchSize;
    private final boolean batchesOnly;
    private final Function<String, String> batchItem;

    /** The fault suite's mix: half single {@code /v1/track} calls, half batches of {@value #BATCH}. */
    public LoadGenerator(int apiPort, String writeKey) {
        this(apiPort, writeKey, BATCH, false, id -> event(id, true));
    }

    private LoadGenerator(
            int apiPort, String writeKey, int batchSize, boolean batchesOnly, Function<String, String> batchItem) {
        this.base = URI.create("http://127.0.0.1:" + apiPort);
        this.auth = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.batchSize = batchSize;
        this.batchesOnly = batchesOnly;
        this.batchItem = batchItem;
    }

    /** Every call a {@code /v1/batch} of {@code batchSize} events, each the JSON {@code item} makes of its messageId. */
    public static LoadGenerator batches(int apiPort, String writeKey, int batchSize, Function<String, String> item) {
        return new LoadGenerator(apiPort, writeKey, batchSize, true, item);
    }

    /** The latency of every call answered 200, send to answer, in microseconds. */
    public Histogram ackMicros() {
        return ackMicros;
    }

    /** Sends {@code rate} events a second for {@code duration}, then waits up to 15 s for the open calls. */
    public Map<String, Sent> run(String prefix, int rate, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long ticks = duration.toMillis() / TICK_MILLIS;
        double perTick = rate * TICK_MILLIS / 1000.0;
        double owed = 0;
        int n = 0;
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + TimeUnit.MILLISECONDS.toNanos(tick * TICK_MILLIS);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            owed += perTick;
            while (owed >= (batchesOnly ? batchSize : 1)) {
                boolean batch = batchesOnly || ((n / BATCH) % 2 == 1 && owed >= BATCH);
                int count = batch ? batchSize : 1;
                if (!open.tryAcquire()) {
                    owed = 0; // every call slot is busy: this tick's events are not sent
                    break;
                }
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    ids.add(prefix + "-" + (n + i));
                }
                n += count;
                owed -= count;
                calls.add(send(ids, batch));
            }
        }
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // recorded per call; an unanswered call stays unacknowledged
        }
        return Map.copyOf(sent);
    }

    /** One raw request (for hostile input): its status, or -1 when it got no answer. */
    public int post(String path, String contentType, byte[] body) {
        try {
            return http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Authorization", auth)
                                    .header("Content-Type", contentType)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private CompletableFuture<?> send(List<String> ids, boolean batch) {
        long sentAt = System.currentTimeMillis();
        long sentNanos = System.nanoTime();
        ids.forEach(id -> sent.put(id, new Sent(id, sentAt, 0, -1)));
        String body = batch
                ? ids.stream().map(batchItem).collect(java.util.stream.Collectors.joining(",", "{\"batch\":[", "]}"))
                : event(ids.get(0), false);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(batch ? "/v1/batch" : "/v1/track"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            open.release();
            long at = System.currentTimeMillis();
            int status = response == null ? -1 : response.statusCode();
            if (status == 200) {
                ackMicros.recordValue(Math.max(1, (System.nanoTime() - sentNanos) / 1000));
            }
            ids.forEach(id -> sent.put(id, new Sent(id, sentAt, status == 200 ? at : 0, status)));
        });
    }

    public static String event(String messageId, boolean typed) {
        int n = Math.abs(messageId.hashCode());
        return "{" + (typed ? "\"type\":\"track\"," : "") + "\"userId\":\"u-" + (n % 100)
                + "\",\"event\":\"Fault Checked\",\"messageId\":\"" + messageId
                + "\",\"properties\":{\"n\":" + n + "}}";
    }
}

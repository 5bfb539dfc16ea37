/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.bench.cluster.LoadGenerator;
import dev.switchboard.bench.cluster.LoadGenerator.Sent;
import dev.switchboard.bench.cluster.TopicScan;
import dev.switchboard.bench.faults.Checker.Timing;
import dev.switchboard.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Up to {@value #COUNT} malformed or hostile requests from {@value #THREADS} threads beside the good
 * load: bad JSON, a field over the event limit, deep nesting, invalid UTF-8, wrong types, a missing
 * required field, batches over the event count and byte limits, a batch mixing good and bad items,
 * and slow-loris connections ({@link SlowLoris}). Each must get a 4xx, or, when answered 200, land on
 * {@code sb.rejected} or be delivered; the good items of mixed batches are checked like the load's.
 */
final class HostileInput implements Scenario.Extra, Scenario.Fault {

    static final int COUNT = 10_000;
    static final int THREADS = 3;
    private static final String NAME = "hostile";
    private static final List<String> KINDS = List.of(
            "bad-json",
            "huge-field",
            "deep-nesting",
            "invalid-utf8",
            "wrong-types",
            "missing-event",
            "top-level-array",
            "empty-body",
            "mixed-batch",
            "batch-too-many",
            "batch-too-big");

    private final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Sent> good = new ConcurrentHashMap<>();
    private final Set<String> badAcked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private String slowLoris = "";
    private String checked = "";

    static Scenario scenario() {
        HostileInput hostile = new HostileInput();
        return new Scenario(
                NAME,
                "up to " + COUNT + " malformed or hostile requests beside the good load",
                "wk_main",
                List.of("cap"),
                Set.of(),
                0,
                hostile,
                hostile);
    }

    @Override
    public Timing inject(FaultCluster cluster) throws Exception {
        LoadGenerator client = new LoadGenerator(cluster.apiPort(), "wk_main");
        long end = System.currentTimeMillis() + Scenario.LOAD.toMillis();
        try (SlowLoris loris = SlowLoris.open(cluster.apiPort(), 16)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < COUNT && System.currentTimeMillis() < end) {
                        send(client, n);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            slowLoris = loris.report();
        }
        return Timing.NONE;
    }

    private void send(LoadGenerator client, int n) {
        String kind = KINDS.get(n % KINDS.size());
        String id = NAME + "-bad-" + n;
        String path = "/v1/track";
        byte[] body;
        List<String> goodIds = List.of();
        switch (kind) {
            case "bad-json" -> body = bytes("{\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"" + id + "\",");
            case "huge-field" -> body = bytes(track(id, "\"blob\":\"" + "x".repeat(40_000) + "\""));
            case "deep-nesting" -> body = bytes(track(id, "\"deep\":" + "[".repeat(5000) + "]".repeat(5000)));
            case "invalid-utf8" -> body = invalidUtf8(id);
            case "wrong-types" ->
                body = bytes("{\"userId\":{\"a\":1},\"event\":[\"E\"],\"messageId\":\"" + id
                        + "\",\"properties\":\"text\",\"timestamp\":\"yesterday\"}");
            case "missing-event" -> body = bytes("{\"userId\":\"u\",\"messageId\":\"" + id + "\"}");
            case "top-level-array" -> body = bytes("[1,2,3]");
            case "empty-body" -> body = new byte[0];
            case "mixed-batch" -> {
                path = "/v1/batch";
                List<String> items = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    String goodId = NAME + "-" + n + "g" + i;
                    ids.add(goodId);
                    items.add(LoadGenerator.event(goodId, true));
                    items.add("{\"type\":\"track\",\"userId\":\"u\",\"messageId\":\"" + id + "b" + i + "\"}");
                }
                goodIds = ids;
                body = bytes("{\"batch\":[" + String.join(",", items) + "]}");
            }
            case "batch-too-many" -> {
                path = "/v1/batch";
                body = bytes(batch(id, 2600, 0));
            }
            default -> { // batch-too-big
                path = "/v1/batch";
                body = bytes(batch(id, 30, 20_000));
            }
        }
        long sentAt = System.currentTimeMillis();
        int status = client.post(path, "application/json", body);
        statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
        if (status == 200) {
            if (kind.equals("mixed-batch")) {
                long at = System.currentTimeMillis();
                goodIds.forEach(g -> good.put(g, new Sent(g, sentAt, at, 200)));
                for (int i = 0; i < 5; i++) {
                    badAcked.add(id + "b" + i);
                }
            } else {
                badAcked.add(id);
            }
        }
    }

    @Override
    public Map<String, Sent> sent() {
        return good;
    }

    @Override
    public List<String> check(FaultCluster cluster) {
        List<String> failures = new ArrayList<>();
        Set<String> rejected = new HashSet<>();
        TopicScan.read(
                cluster.broker.bootstrapServers(),
                Topics.REJECTED.name(),
                Topics.REJECTED.valueSerde().deserializer(),
                r -> {
                    if (r.getMessageId() != null && r.getMessageId().startsWith(NAME + "-bad-")) {
                        rejected.add(r.getMessageId());
                    }
                });
        Set<String> delivered = new HashSet<>();
        cluster.capture.arrivals().forEach(a -> delivered.add(a.messageId()));
        int unaccounted = 0;
        for (String id : badAcked) {
            if (!rejected.contains(id) && !delivered.contains(id)) {
                unaccounted++;
            }
        }
        int serverErrors = 0;
        for (Map<Integer, Integer> byStatus : statuses.values()) {
            for (Map.Entry<Integer, Integer> e : byStatus.entrySet()) {
                if (e.getKey() >= 500) {
                    serverErrors += e.getValue();
                }
            }
        }
        if (unaccounted > 0) {
            failures.add(unaccounted + " hostile items answered 200 are neither on sb.rejected nor delivered");
        }
        if (serverErrors > 0) {
            failures.add(serverErrors + " hostile requests answered 5xx");
        }
        checked = "hostile requests sent: %d; bad items answered 200: %d (on sb.rejected %d, delivered %d)"
                .formatted(
                        Math.min(next.get(), COUNT),
                        badAcked.size(),
                        badAcked.stream().filter(rejected::contains).count(),
                        badAcked.stream().filter(delivered::contains).count());
        return failures;
    }

    @Override
    public String note() {
        Map<String, Map<Integer, Integer>> sorted = new TreeMap<>();
        statuses.forEach((k, v) -> sorted.put(k, new TreeMap<>(v)));
        return checked + "; status by kind (-1: no answer) " + sorted + "; " + slowLoris;
    }

    private static String track(String id, String property) {
        return "{\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"" + id + "\",\"properties\":{" + property + "}}";
    }

    private static String batch(String id, int events, int padding) {
        StringBuilder b = new StringBuilder("{\"batch\":[");
        String pad = "p".repeat(padding);
        for (int i = 0; i < events; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"")
                    .append(id)
                    .append('b')
                    .append(i)
                    .append("\",\"properties\":{\"pad\":\"")
                    .append(pad)
                    .append("\"}}");
        }
        return b.append("]}").toString();
    }

    private static byte[] invalidUtf8(String id) {
        byte[] head = bytes("{\"userId\":\"u\",\"event\":\"E");
        byte[] tail = bytes("\",\"messageId\":\"" + id + "\"}");
        byte[] out = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        out[head.length] = (byte) 0xC3;
        out[head.length + 1] = (byte) 0x28; // not a continuation byte
        out[head.length + 2] = (byte) 0xFF; // never valid in UTF-8
        System.arraycopy(tail, 0, out, head.length + 3, tail.length);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

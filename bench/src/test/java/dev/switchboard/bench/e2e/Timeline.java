/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.bench.cluster.LoadGenerator.Sent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The run second by second, from its start: events offered (sent), acknowledged and delivered (a
 * delivery to each of an event's destinations counts as its share of one event), the ack latency
 * by the second of the ack and the ingest-to-delivery latency (the call sent to the destination
 * answered) by the second of the delivery. What the plot draws.
 */
final class Timeline {

    /** One second of the run: rates in events/s, latencies in ms (0 where nothing was measured). */
    record Point(
            long second, double offered, double acked, double delivered, long ackP99, long p50, long p95, long p99) {}

    private static final class Second {
        double offered;
        double acked;
        double delivered;
        final Histogram ack = new Histogram(3_600_000L, 2);
        final Histogram delivery = new Histogram(3_600_000L, 2);
    }

    private final long startMillis;
    private final Map<Long, Second> seconds = new TreeMap<>();

    Timeline(long startMillis) {
        this.startMillis = startMillis;
    }

    void sent(Sent s) {
        at(s.sentAt()).offered++;
        if (s.ackedAt() > 0) {
            Second second = at(s.ackedAt());
            second.acked++;
            second.ack.recordValue(Math.max(0, s.ackedAt() - s.sentAt()));
        }
    }

    /** One of an event's {@code destinations} deliveries, sent at {@code sentAt}, answered 200 at {@code arrivedAt}. */
    void delivered(long sentAt, long arrivedAt, int destinations) {
        Second second = at(arrivedAt);
        second.delivered += 1.0 / destinations;
        second.delivery.recordValue(Math.max(0, arrivedAt - sentAt));
    }

    List<Point> points() {
        List<Point> points = new ArrayList<>();
        seconds.forEach((at, s) -> points.add(new Point(
                at,
                s.offered,
                s.acked,
                s.delivered,
                s.ack.getValueAtPercentile(99),
                s.delivery.getValueAtPercentile(50),
                s.delivery.getValueAtPercentile(95),
                s.delivery.getValueAtPercentile(99))));
        return points;
    }

    private Second at(long millis) {
        return seconds.computeIfAbsent(Math.max(0, (millis - startMillis) / 1000), k -> new Second());
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The state of every flow, read from the topics and consumer groups alone (no role needs to be
 * reachable): per source, events received and rejected in the last minute; per destination,
 * requests delivered in the last minute, requests waiting on its retry topics, dead letters (all,
 * and in the last minute), the consumer lag of {@code sb.dest.<id>}, whether it is paused, and the
 * last error of the last 10 minutes.
 */
public final class FlowStatus {

    /** The period rates are counted over. */
    public static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    /** How far back the last error is looked for. */
    public static final Duration ERROR_WINDOW = Duration.ofMinutes(10);

    /** One source. */
    public record SourceRow(String sourceId, long receivedPerMin, long rejectedPerMin) {}

    /** One destination. */
    public record DestinationRow(
            String destinationId,
            long deliveredPerMin,
            long retrying,
            long deadLettered,
            long deadLetteredPerMin,
            long lag,
            PauseClock pause,
            String lastError,
            Instant lastErrorAt) {}

    /** Everything, as of {@code at}. */
    public record Report(Instant at, List<SourceRow> sources, List<DestinationRow> destinations) {}

    private FlowStatus() {}

    /** Reads the state of {@code sourceIds} and {@code destinationIds} now. */
    public static Report read(KafkaAccess kafka, Collection<String> sourceIds, Collection<String> destinationIds) {
        Instant now = Instant.now();
        Instant minuteAgo = now.minus(RATE_WINDOW);
        Map<String, long[]> perSource = new HashMap<>();
        sourceIds.forEach(s -> perSource.put(s, new long[2]));
        var raw = Topics.INGEST_RAW.valueSerde().deserializer();
        TopicScan.scan(kafka, Topics.INGEST_RAW.name(), minuteAgo, r -> {
            long[] c = perSource.get(raw.deserialize(r.topic(), r.value()).getSourceId());
            if (c != null) {
                c[0]++;
            }
        });
        var rejected = Topics.REJECTED.valueSerde().deserializer();
        TopicScan.scan(kafka, Topics.REJECTED.name(), minuteAgo, r -> {
            long[] c = perSource.get(rejected.deserialize(r.topic(), r.value()).getSourceId());
            if (c != null) {
                c[1]++;
            }
        });
        Map<String, long[]> perDestination = new HashMap<>();
        Map<String, DeliveryOutcome> lastError = new HashMap<>();
        destinationIds.forEach(d -> perDestination.put(d, new long[2]));
        var outcomes = Topics.DELIVERY_OUTCOMES.valueSerde().deserializer();
        TopicScan.scan(kafka, Topics.DELIVERY_OUTCOMES.name(), now.minus(ERROR_WINDOW), r -> {
            DeliveryOutcome o = outcomes.deserialize(r.topic(), r.value());
            long[] c = perDestination.get(o.getDestinationId());
            if (c == null) {
                return;
            }
            boolean recent = !o.getAttemptedAt().isBefore(minuteAgo);
            if (o.getStatus() == DeliveryStatus.DELIVERED && recent) {
                c[0] += o.getMessageIds().size();
            } else if (o.getStatus() == DeliveryStatus.FAILED && recent) {
                c[1] += o.getMessageIds().size();
            }
            if (o.getStatus() != DeliveryStatus.DELIVERED) {
                lastError.merge(
                        o.getDestinationId(), o, (a, b) -> b.getAttemptedAt().isAfter(a.getAttemptedAt()) ? b : a);
            }
        });
        Map<String, PauseClock> pauses = pauses(kafka);
        List<DestinationRow> destinations = new ArrayList<>();
        try (Admin admin = admin(kafka)) {
            for (String id : destinationIds) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("sb-delivery-" + id)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                long lag = behind(admin, List.of(Topics.destination(id).name()), committed);
                List<String> retryTopics =
                        Topics.retryTopics(id).stream().map(t -> t.name()).toList();
                long retrying = behind(admin, retryTopics, committed);
                long dead = records(admin, Topics.deadLetter(id).name());
                DeliveryOutcome err = lastError.get(id);
                long[] c = perDestination.get(id);
                destinations.add(new DestinationRow(
                        id,
                        c[0],
                        retrying,
                        dead,
                        c[1],
                        lag,
                        pauses.getOrDefault(id, PauseClock.RUNNING),
                        err == null ? null : describe(err),
                        err == null ? null : err.getAttemptedAt()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the status", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read consumer groups at " + kafka.bootstrapServers() + ": " + e, e);
        }
        List<SourceRow> sources = new ArrayList<>();
        perSource.forEach((id, c) -> sources.add(new SourceRow(id, c[0], c[1])));
        sources.sort(java.util.Comparator.comparing(SourceRow::sourceId));
        return new Report(now, sources, destinations);
    }

    private static String describe(DeliveryOutcome o) {
        String status = o.getHttpStatus() == null ? o.getErrorClass() : "HTTP " + o.getHttpStatus();
        return status + (o.getError() == null ? "" : ": " + o.getError());
    }

    private static Map<String, PauseClock> pauses(KafkaAccess kafka) {
        try (ControlView view = new ControlView(kafka, "sb-status-control").start()) {
            if (!view.awaitLoaded(Duration.ofSeconds(30))) {
                throw new IllegalStateException("cannot read " + Topics.CONTROL.name() + " within 30 s");
            }
            return view.all();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + Topics.CONTROL.name(), e);
        }
    }

    /** Records of {@code topics} past the group's committed offsets (all of a partition with no commit). */
    private static long behind(Admin admin, List<String> topics, Map<TopicPartition, OffsetAndMetadata> committed)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> start = offsets(admin, topics, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(admin, topics, OffsetSpec.latest());
        long sum = 0;
        for (var e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long from = c == null ? start.getOrDefault(e.getKey(), 0L) : c.offset();
            sum += Math.max(0, e.getValue() - from);
        }
        return sum;
    }

    private static long records(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> start = offsets(admin, List.of(topic), OffsetSpec.earliest());
        return offsets(admin, List.of(topic), OffsetSpec.latest()).entrySet().stream()
                .mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<String> topics, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(present)
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .values()
                .forEach(d ->
                        d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), spec)));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, r) -> out.put(tp, r.offset()));
        return out;
    }

    private static Admin admin(KafkaAccess kafka) {
        Properties p = kafka.properties();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(p);
    }
}

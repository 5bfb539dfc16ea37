/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.outcomes;

import dev.switchboard.delivery.deadletter.DeadLetters;
import dev.switchboard.delivery.http.Classification;
import dev.switchboard.delivery.http.HttpResult;
import dev.switchboard.delivery.retry.RetryPolicy.Decision;
import dev.switchboard.delivery.retry.RetryTiers;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.RetryEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The delivery side's one producer of records: everything a call led to is written here, so that the
 * worker commits an offset only when what it decided is on the broker. That is a {@code DeliveryOutcome}
 * per status (the requests of a batch may split, and so may live and replayed requests: the outcome carries
 * the replay id), a {@code RetryEnvelope} per retried request (in the retry tier its wait calls for), a
 * {@code DeadLetter} per dead-lettered one, a retry moved between tiers, and an unreadable record on
 * {@code sb.rejected}. Each returned future completes when the broker has acknowledged every record (the
 * producer uses acks=all), which is when the worker may commit the offsets.
 */
public final class OutcomeRecorder {

    /** Response bodies in outcomes are samples: the first 1 KB (dead letters keep 8 KB). */
    static final int SAMPLE_CHARS = 1024;

    private final Producer<byte[], byte[]> producer;
    private final String destinationId;
    private final RetryTiers retryTiers;
    private final Topic<String, DeadLetter> dlqTopic;
    private final DeliveryMetrics metrics;
    private final Map<String, Serializer<?>> serializers = new ConcurrentHashMap<>();

    public OutcomeRecorder(Producer<byte[], byte[]> producer, String destinationId, DeliveryMetrics metrics) {
        this.producer = producer;
        this.destinationId = destinationId;
        this.retryTiers = new RetryTiers(destinationId);
        this.dlqTopic = Topics.deadLetter(destinationId);
        this.metrics = metrics;
    }

    /** Records one call's result for each of its requests; completes when all is acknowledged. */
    public CompletableFuture<Void> record(HttpResult result, Classification c, List<Step> steps) {
        metrics.latency(result.latencyMs());
        // One outcome per status and replay: a batch may mix live requests with replayed ones.
        Map<Group, List<Step>> byStatus = new LinkedHashMap<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        Instant now = Instant.now();
        for (Step s : steps) {
            byStatus.computeIfAbsent(new Group(status(s.decision()), s.request().getReplayId()), k -> new ArrayList<>())
                    .add(s);
            if (s.decision() instanceof Decision.Retry retry) {
                RetryEnvelope envelope =
                        new RetryEnvelope(s.request(), s.attempts(), s.firstAttemptAt(), retry.dueAt());
                acks.add(send(retryTiers.topicFor(retry.dueAt(), now), s.key(), envelope));
            } else if (s.decision() instanceof Decision.DeadLetter dead) {
                DeadLetter letter = DeadLetters.of(s.request(), s.attempts(), dead.reason(), now);
                acks.add(send(dlqTopic, s.key(), letter));
            }
        }
        byStatus.forEach((g, group) -> acks.add(
                send(Topics.DELIVERY_OUTCOMES, destinationId, outcome(result, g.status(), g.replayId(), group))));
        count(byStatus);
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    /** The requests of one call that share an outcome record. */
    private record Group(DeliveryStatus status, String replayId) {}

    private DeliveryOutcome outcome(HttpResult result, DeliveryStatus status, String replayId, List<Step> group) {
        List<String> ids = new ArrayList<>();
        int attempt = 0;
        String error = result.error();
        // Per item, not per call: the items of a partially failed batch have different classes.
        String errorClass = group.get(0).last().getErrorClass();
        for (Step s : group) {
            ids.addAll(s.request().getMessageIds());
            attempt = Math.max(attempt, s.last().getAttempt());
            if (s.decision() instanceof Decision.DeadLetter dead) {
                error = error == null ? dead.reason() : dead.reason() + "; " + error;
            }
        }
        String sample = result.body() == null || result.body().length() <= SAMPLE_CHARS
                ? result.body()
                : result.body().substring(0, SAMPLE_CHARS);
        return DeliveryOutcome.newBuilder()
                .setDestinationId(destinationId)
                .setMessageIds(ids)
                .setStatus(status)
                .setAttempt(attempt)
                .setHttpStatus(result.status())
                .setLatencyMs(result.latencyMs())
                .setErrorClass(errorClass)
                .setError(error)
                .setResponseSample(sample)
                .setResponseHeaders(Map.copyOf(result.headers()))
                .setAttemptedAt(result.startedAt())
                .setReplayId(replayId)
                .build();
    }

    private void count(Map<Group, List<Step>> byStatus) {
        byStatus.forEach((g, group) -> {
            switch (g.status()) {
                case DELIVERED -> {
                    metrics.delivered(group.size());
                    if (g.replayId() != null) {
                        metrics.replayed(group.size());
                    }
                }
                case RETRYING -> metrics.retried(group.size());
                case FAILED -> metrics.deadLettered(group.size());
            }
        });
    }

    private static DeliveryStatus status(Decision d) {
        if (d instanceof Decision.Retry) {
            return DeliveryStatus.RETRYING;
        }
        return d instanceof Decision.DeadLetter ? DeliveryStatus.FAILED : DeliveryStatus.DELIVERED;
    }

    /**
     * Moves a retry on to the retry topic {@code to} (a shorter tier); completes when the broker has
     * acknowledged it, when the record it came from may be committed.
     */
    public CompletableFuture<Void> moveRetry(Topic<String, RetryEnvelope> to, String key, RetryEnvelope envelope) {
        return send(to, key, envelope);
    }

    /**
     * Records a record of {@code topic} that cannot be read on {@code sb.rejected}, with its bytes
     * and why; completes when the broker has acknowledged it.
     */
    public CompletableFuture<Void> unreadable(
            String topic, int partition, long offset, String key, byte[] bytes, String problem) {
        Rejected rejected = Rejected.newBuilder()
                .setStage(Stage.DELIVER.wireName())
                .setCode("unreadable")
                .setReason(topic + "-" + partition + "@" + offset + ": " + problem)
                .setDestinationId(destinationId)
                .setRejectedAt(Instant.now())
                .setOriginal(bytes == null ? null : ByteBuffer.wrap(bytes))
                .build();
        return send(Topics.REJECTED, key, rejected);
    }

    private <V> CompletableFuture<Void> send(Topic<String, V> topic, String key, V value) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Serializer<V> serializer = (Serializer<V>) serializers.computeIfAbsent(
                topic.name(), n -> topic.valueSerde().serializer());
        byte[] v = serializer.serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), k, v), (meta, e) -> {
                if (e == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import dev.switchboard.delivery.http.HttpSender;
import dev.switchboard.delivery.outcomes.DeliveryMetrics;
import dev.switchboard.delivery.outcomes.OutcomeRecorder;
import dev.switchboard.delivery.recovery.PauseClock;
import dev.switchboard.delivery.retry.Backoff;
import dev.switchboard.delivery.retry.RetryPolicy;
import dev.switchboard.delivery.retry.RetryTiers;
import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.RetryEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one destination: its own consumer (group {@code sb-delivery-<id>}) on {@code sb.dest.<id>}
 * and its retry topics ({@link RetryTiers}), its own HTTP client and in-flight window, on its own
 * thread. A retry record that is not due yet pauses only its retry partition until then, so retries
 * never block the main partitions, and the tiers keep a retry from waiting behind a later one. While
 * the operator has paused the destination, every partition is paused and nothing is sent. Offsets are committed up to the oldest request whose outcome
 * (and retry or dead-letter record) the broker has not acknowledged: at least once, nothing lost.
 */
public final class DestinationWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationWorker.class);
    /** How often a worker whose backlog holds a full window polls for more. */
    private static final Duration FED_POLL_EVERY = Duration.ofMillis(1);

    private final WorkerTuning tuning;
    private final Topic<String, DestinationRequest> mainTopic;
    private final RetryTiers tiers;
    private final Supplier<PauseClock> pause;
    private final KafkaConsumer<String, byte[]> consumer;
    private final HttpSender sender;
    private final Mailbox mailbox = new Mailbox();
    private final RecordReader reader;
    private final Dispatcher dispatcher;
    private final OutcomeRecorder recorder;
    private final DeliveryMetrics metrics;
    private final PartitionOffsets offsets = new PartitionOffsets();
    private final Map<TopicPartition, Instant> delayed = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile long lag;
    private long lastCommitNanos = System.nanoTime();
    private long lastLagNanos;
    private long lastPollNanos;
    /** Whether the last {@link #updatePauses} left any partition paused. */
    private boolean pausing;

    private boolean paused;

    public DestinationWorker(
            WorkerTuning tuning, String bootstrapServers, Producer<byte[], byte[]> producer, MeterRegistry registry) {
        this(tuning, bootstrapServers, producer, registry, () -> PauseClock.RUNNING);
    }

    /** A worker that holds delivery while {@code pause} says the destination is paused. */
    public DestinationWorker(
            WorkerTuning tuning,
            String bootstrapServers,
            Producer<byte[], byte[]> producer,
            MeterRegistry registry,
            Supplier<PauseClock> pause) {
        this.tuning = tuning;
        String id = tuning.destinationId();
        this.mainTopic = Topics.destination(id);
        this.tiers = new RetryTiers(id);
        this.pause = pause;
        this.reader = new RecordReader(mainTopic, tiers.topics());
        this.consumer = WorkerConsumers.create(tuning, bootstrapServers);
        this.sender = new HttpSender(id, tuning.connectTimeout(), tuning.requestTimeout(), tuning.maxInFlight());
        this.metrics = new DeliveryMetrics(registry, id);
        RetryPolicy policy = new RetryPolicy(
                new Backoff(tuning.backoffBase(), tuning.backoffMax(), () -> ThreadLocalRandom.current()
                        .nextDouble()),
                tuning.retryWindow());
        this.recorder = new OutcomeRecorder(producer, id, metrics);
        this.dispatcher =
                new Dispatcher(tuning, sender, recorder, policy, mailbox, this::finished, this::failed, pause);
        metrics.gauges(dispatcher::outstanding, dispatcher::concurrencyLimit, () -> lag);
        metrics.pausedGauge(() -> paused ? 1 : 0);
        this.thread = new Thread(this::run, "sb-delivery-" + id);
    }

    public DestinationWorker start() {
        thread.start();
        return this;
    }

    public String destinationId() {
        return tuning.destinationId();
    }

    public WorkerTuning tuning() {
        return tuning;
    }

    /** Running, and no acknowledgement of an outcome has failed. */
    public boolean healthy() {
        return failure == null && thread.isAlive() && running;
    }

    private void run() {
        try {
            List<String> subscribed = new ArrayList<>(List.of(mainTopic.name()));
            tiers.topics().forEach(t -> subscribed.add(t.name()));
            consumer.subscribe(subscribed, new Rebalance());
            while (running) {
                mailbox.drain();
                updatePaused();
                dispatcher.dispatch(false);
                maybeCommit();
                updatePauses();
                boolean allPaused = pausing
                        && !consumer.assignment().isEmpty()
                        && consumer.paused().containsAll(consumer.assignment());
                // With calls in flight, their answers must not wait behind a blocking poll (that capped a
                // window of 16 at 16 calls per 5 ms): poll without waiting, then wait on the mailbox,
                // which wakes the moment an answer or an acknowledgement arrives.
                boolean answersDue = dispatcher.outstanding() > 0;
                ConsumerRecords<String, byte[]> records = pollDue(answersDue)
                        ? consumer.poll(allPaused || answersDue ? Duration.ZERO : pollTimeout())
                        : ConsumerRecords.empty();
                accept(records);
                if (allPaused) {
                    mailbox.await(Duration.ofMillis(20));
                } else if (answersDue && records.isEmpty()) {
                    mailbox.await(Duration.ofMillis(2));
                }
                updateLag();
            }
            shutdown();
        } catch (RuntimeException e) {
            LOG.error("delivery worker for {} stopped: {}", tuning.destinationId(), e.toString(), e);
            failure = e;
            consumer.close(Duration.ofSeconds(5));
        } finally {
            sender.close();
        }
    }

    /**
     * Whether to poll the consumer now. The loop turns once per answer and acknowledgement; while
     * the backlog already holds a full window of requests, a poll per turn only costs (a fetch
     * round, heartbeat and position bookkeeping for every answer), so it runs at most every {@link
     * #FED_POLL_EVERY} then.
     */
    private boolean pollDue(boolean answersDue) {
        long now = System.nanoTime();
        boolean fed = answersDue && dispatcher.pendingCount() >= tuning.maxInFlight();
        if (fed && now - lastPollNanos < FED_POLL_EVERY.toNanos()) {
            return false;
        }
        lastPollNanos = now;
        return true;
    }

    private Duration pollTimeout() {
        return dispatcher.outstanding() > 0 || dispatcher.pendingCount() > 0
                ? Duration.ofMillis(5)
                : Duration.ofMillis(100);
    }

    private void accept(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> skip = new HashSet<>();
        Instant now = Instant.now();
        for (ConsumerRecord<String, byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (skip.contains(tp)) {
                continue;
            }
            RecordReader.Read read = reader.read(r);
            if (read.item() == null) {
                reject(r, read.problem());
                continue;
            }
            if (read.dueAt() != null) {
                RetryTiers.Plan plan = tiers.plan(r.topic(), read.writtenAt(), read.dueAt(), now);
                if (plan instanceof RetryTiers.Plan.Wait wait) {
                    // Not yet: rewind and pause only this retry partition until then.
                    consumer.seek(tp, r.offset());
                    delayed.put(tp, wait.until());
                    skip.add(tp);
                    continue;
                }
                if (plan instanceof RetryTiers.Plan.Move move) {
                    moveRetry(tp, r.offset(), read, move.topic());
                    continue;
                }
            }
            offsets.read(tp, r.offset());
            dispatcher.add(read.item());
        }
    }

    /**
     * A record that cannot be read goes to {@code sb.rejected} with its bytes and the reason, and the
     * partition moves on once the broker has acknowledged that: never a stalled partition, never a
     * silent skip.
     */
    private void reject(ConsumerRecord<String, byte[]> r, String problem) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        long offset = r.offset();
        LOG.error("{}-{}@{} goes to {}: {}", r.topic(), r.partition(), offset, Topics.REJECTED.name(), problem);
        offsets.read(tp, offset);
        recorder.unreadable(r.topic(), r.partition(), offset, r.key(), r.value(), problem)
                .whenComplete((ok, e) -> mailbox.execute(() -> {
                    if (e == null) {
                        offsets.done(tp, offset);
                    } else {
                        failed(e);
                    }
                }));
    }

    /** Moves a retry on to a shorter tier; its offset is done once the broker has the copy. */
    private void moveRetry(TopicPartition tp, long offset, RecordReader.Read read, Topic<String, RetryEnvelope> to) {
        WorkItem item = read.item();
        offsets.read(tp, offset);
        RetryEnvelope envelope =
                new RetryEnvelope(item.request(), item.attempts(), item.firstAttemptAt(), read.dueAt());
        recorder.moveRetry(to, item.key(), envelope)
                .whenComplete((ok, e) -> mailbox.execute(() -> {
                    if (e == null) {
                        offsets.done(tp, offset);
                    } else {
                        failed(e);
                    }
                }));
    }

    /** Follows the operator's pause: a paused destination reads nothing new and sends nothing. */
    private void updatePaused() {
        PauseClock clock = pause.get();
        if (clock.paused() != paused) {
            paused = clock.paused();
            LOG.info(
                    "delivery to {} {}{}",
                    tuning.destinationId(),
                    paused ? "paused" : "resumed",
                    clock.reason() == null ? "" : ": " + clock.reason());
        }
    }

    private void updatePauses() {
        if (!pausing && !paused && delayed.isEmpty() && !dispatcher.backpressured()) {
            return; // nothing is paused and nothing should be: the common case, without set copies
        }
        Set<TopicPartition> assigned = consumer.assignment();
        Instant now = Instant.now();
        delayed.values().removeIf(due -> !due.isAfter(now));
        Set<TopicPartition> want = new HashSet<>(delayed.keySet());
        if (paused || dispatcher.backpressured()) {
            want.addAll(assigned);
        }
        want.retainAll(assigned);
        Set<TopicPartition> paused = consumer.paused();
        Set<TopicPartition> resume = new HashSet<>(paused);
        resume.removeAll(want);
        want.removeAll(paused);
        if (!want.isEmpty()) {
            consumer.pause(want);
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
        pausing = !consumer.paused().isEmpty();
    }

    private void finished(List<WorkItem> items) {
        offsets.done(items);
    }

    private void failed(Throwable e) {
        LOG.error(
                "cannot record outcomes for {}; stopping without committing: {}", tuning.destinationId(), e.toString());
        failure = e;
        running = false;
    }

    private void maybeCommit() {
        long now = System.nanoTime();
        if (now - lastCommitNanos < tuning.commitInterval().toNanos()) {
            return;
        }
        lastCommitNanos = now;
        Map<TopicPartition, OffsetAndMetadata> due = offsets.committable(offsets.partitions());
        if (!due.isEmpty()) {
            consumer.commitAsync(due, (done, e) -> {
                if (e == null) {
                    offsets.committed(done);
                } else {
                    LOG.warn("commit failed for {}, will retry: {}", tuning.destinationId(), e.toString());
                }
            });
        }
    }

    private void commitSync(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> due = offsets.committable(partitions);
        if (!due.isEmpty()) {
            consumer.commitSync(due, Duration.ofSeconds(10));
            offsets.committed(due);
        }
    }

    private void shutdown() {
        dispatcher.drop(offsets.partitions());
        if (!dispatcher.awaitOutstanding(tuning.shutdownTimeout())) {
            LOG.warn(
                    "{}: calls still in flight after {}; they will be re-sent",
                    tuning.destinationId(),
                    tuning.shutdownTimeout());
            dispatcher.cancelInFlight();
        }
        if (failure == null) {
            commitSync(offsets.partitions());
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private void updateLag() {
        long now = System.nanoTime();
        if (now - lastLagNanos < 1_000_000_000L) {
            return;
        }
        lastLagNanos = now;
        long sum = dispatcher.pendingCount();
        for (TopicPartition tp : consumer.assignment()) {
            sum += consumer.currentLag(tp).orElse(0);
        }
        lag = sum;
    }

    /** Graceful: stops reading, finishes in-flight calls (up to the shutdown timeout), records, commits. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(tuning.shutdownTimeout().plusSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.remove();
    }

    /** Commits finished work of revoked partitions and forgets them. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            dispatcher.drop(partitions);
            dispatcher.awaitOutstanding(tuning.shutdownTimeout());
            if (failure == null) {
                commitSync(partitions);
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("{}: assigned {}", tuning.destinationId(), partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            dispatcher.drop(partitions);
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            offsets.forget(partitions);
            partitions.forEach(delayed::remove);
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ReplayProgress;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.SuppressionView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a window of the archive ({@code sb.events}) to chosen destinations: every record whose time
 * is in [{@code from}, {@code to}), read from {@code offsetsForTimes(from - DISORDER)} to
 * {@code offsetsForTimes(to + DISORDER)} on each partition (record times are in order only within
 * {@link #DISORDER}), each matching event through {@link ReplayRouting} (the router's fan-out and map), its requests written
 * to {@code sb.dest.<id>} as the router writes them (same key, value and partitioner), tagged with the
 * replay id.
 *
 * <p>Exactly once per (replay id, archived event): the requests of each chunk of a partition and that
 * partition's progress record on {@code sb.replays} are written in one Kafka transaction (id
 * {@code sb-replay-<replayId>}), and delivery reads committed records only. A run stopped (Ctrl-C) or
 * killed half way loses at most its open chunk, which no one saw; running the same replay id again
 * fences any earlier run, reads the committed progress and goes on from there. The first run fixes the
 * window (times and per-partition offsets) in the progress records, so a later run replays exactly that
 * window even when its arguments said {@code -2h}.
 */
public final class ArchiveReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveReplay.class);

    /** The Kafka record header naming the replay that wrote a request. */
    public static final String REPLAY_HEADER = "sb-replay-id";

    /** The replay producer's transactional id is this and the replay id. */
    public static final String TRANSACTIONAL_ID_PREFIX = "sb-replay-";

    /** Archive records per transaction, at most; a chunk also ends after {@link #CHUNK_TIME}. */
    static final int CHUNK = 500;

    /**
     * How far the archive's record times may be out of order on a partition: the router writes an
     * event with the time the tracking API took it in, in the order it processes its input partitions,
     * so a partition of {@code sb.events} is in time order only within this bound. The window's offsets
     * are looked up this much wider on each side, and each record is kept by its own time.
     */
    static final Duration DISORDER = Duration.ofMinutes(10);

    /** So that progress is committed (and Ctrl-C answered) at least this often, even at a low --rate. */
    static final Duration CHUNK_TIME = Duration.ofSeconds(1);

    private final KafkaAccess kafka;
    private final CompiledWorkspace workspace;

    /** A replay through the routes of {@code workspace}, the current version of the source's workspace. */
    public ArchiveReplay(KafkaAccess kafka, CompiledWorkspace workspace) {
        this.kafka = kafka;
        this.workspace = workspace;
    }

    /** Hears how far a run got, and may ask it to stop between chunks. */
    public interface Progress {
        /** {@code done} of {@code total} archive offsets of the window are through. */
        void advanced(long done, long total);

        /** Whether the run should stop after the chunk it is in (e.g. after Ctrl-C). */
        boolean stopRequested();
    }

    /**
     * Runs {@code spec}; with {@code dryRun} nothing is written and the result counts what would be
     * sent. {@code ratePerSecond} (0 for no bound) bounds the matching events read per second. Throws
     * {@link IllegalArgumentException} when the replay id was started with other arguments. An
     * interrupt of the calling thread stops the run as {@link Progress#stopRequested} does (the open
     * chunk is committed first); the thread's interrupt flag is set again when it returns.
     */
    public ReplayResult run(ReplaySpec spec, boolean dryRun, double ratePerSecond, Progress progress) {
        AtomicBoolean interrupted = new AtomicBoolean();
        try {
            return replay(spec, dryRun, ratePerSecond, progress, interrupted);
        } finally {
            if (interrupted.get()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ReplayResult replay(
            ReplaySpec spec, boolean dryRun, double ratePerSecond, Progress progress, AtomicBoolean interrupted) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
                KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer(spec.replayId());
                SuppressionView suppressed = suppressions()) {
            if (producer != null) {
                // Fences an earlier run of this replay still going (its open transaction is aborted);
                // what it committed is visible from now on, so the progress is read after this.
                producer.initTransactions();
            }
            Map<Integer, ReplayProgress> stored = new ReplayLedger(kafka).load(spec.replayId());
            ReplayProgress first = stored.values().stream().findFirst().orElse(null);
            if (first != null) {
                checkSame(spec, first);
            }
            Instant from = first == null ? spec.from() : first.getWindowFrom();
            Instant to = first == null ? spec.to() : first.getWindowTo();
            Map<Integer, ReplayProgress> plan = plan(consumer, spec, from, to, stored);
            long sentBefore = stored.values().stream()
                    .mapToLong(ReplayProgress::getEvents)
                    .sum();
            if (producer != null && plan.size() > stored.size()) {
                producer.beginTransaction(); // the window, fixed before anything is sent
                plan.values().forEach(p -> producer.send(ReplayLedger.record(p)));
                producer.commitTransaction();
            }
            long total = plan.values().stream()
                    .mapToLong(p -> p.getStopOffset() - p.getNextOffset())
                    .sum();
            ReplayPass pass =
                    new ReplayPass(workspace, suppressed, consumer, producer, spec, from, to, new Pacer(ratePerSecond));
            long done = 0;
            boolean stopped = false;
            for (ReplayProgress p : plan.values()) {
                TopicPartition tp = new TopicPartition(Topics.EVENTS.name(), p.getPartition());
                if (stopped || p.getNextOffset() >= p.getStopOffset()) {
                    continue;
                }
                consumer.assign(List.of(tp));
                consumer.seek(tp, p.getNextOffset());
                ReplayProgress at = p;
                while (at.getNextOffset() < at.getStopOffset()) {
                    if (pass.interrupted() || progress.stopRequested()) {
                        stopped = true;
                        break;
                    }
                    ReplayProgress before = at;
                    at = pass.chunk(tp, at);
                    done += at.getNextOffset() - before.getNextOffset();
                    progress.advanced(done, total);
                }
            }
            interrupted.set(pass.interrupted());
            LOG.info(
                    "replay {}: {} events {}",
                    spec.replayId(),
                    pass.tally().count(),
                    dryRun ? "would be sent" : "sent");
            return new ReplayResult(
                    spec.replayId(),
                    from,
                    to,
                    first != null,
                    pass.tally().sent(),
                    pass.tally().rejected(),
                    pass.tally().firstRejection(),
                    sentBefore,
                    pass.unreadable(),
                    done,
                    total,
                    stopped);
        }
    }

    /** Each partition's progress: the stored one, else the window's offsets on it (nothing sent yet). */
    private static Map<Integer, ReplayProgress> plan(
            KafkaConsumer<byte[], byte[]> consumer,
            ReplaySpec spec,
            Instant from,
            Instant to,
            Map<Integer, ReplayProgress> stored) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.name(), Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .toList();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> atFrom = new HashMap<>();
        Map<TopicPartition, Long> atTo = new HashMap<>();
        partitions.forEach(tp -> {
            atFrom.put(tp, from.minus(DISORDER).toEpochMilli());
            atTo.put(tp, to.plus(DISORDER).toEpochMilli());
        });
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(atFrom, Duration.ofSeconds(30));
        Map<TopicPartition, OffsetAndTimestamp> stops = consumer.offsetsForTimes(atTo, Duration.ofSeconds(30));
        Map<Integer, ReplayProgress> plan = new TreeMap<>();
        Instant now = Instant.now();
        for (TopicPartition tp : partitions) {
            ReplayProgress s = stored.get(tp.partition());
            if (s != null) {
                plan.put(tp.partition(), s);
                continue;
            }
            long start = starts.get(tp) == null ? end.get(tp) : starts.get(tp).offset();
            long stop = stops.get(tp) == null ? end.get(tp) : stops.get(tp).offset();
            plan.put(
                    tp.partition(),
                    new ReplayProgress(
                            spec.replayId(),
                            spec.sourceId(),
                            spec.destinationIds(),
                            spec.eventGlob(),
                            spec.eventType(),
                            from,
                            to,
                            tp.partition(),
                            start,
                            Math.max(start, stop),
                            start,
                            0L,
                            now));
        }
        return plan;
    }

    private static void checkSame(ReplaySpec spec, ReplayProgress stored) {
        boolean same = spec.sourceId().equals(stored.getSourceId())
                && spec.destinationIds().equals(stored.getDestinationIds())
                && Objects.equals(spec.eventGlob(), stored.getEventGlob())
                && Objects.equals(spec.eventType(), stored.getEventType());
        if (!same) {
            throw new IllegalArgumentException("replay " + spec.replayId() + " was started for source "
                    + stored.getSourceId() + ", destinations " + String.join(",", stored.getDestinationIds())
                    + (stored.getEventGlob() == null ? "" : ", event " + stored.getEventGlob())
                    + (stored.getEventType() == null ? "" : ", type " + stored.getEventType())
                    + ": run it with those arguments, or give another --replay-id");
        }
    }

    /** The operators' suppressions, read to their end and followed while the replay runs. */
    private SuppressionView suppressions() {
        SuppressionView view = new SuppressionView(kafka.properties(), "sb-replay-suppressions").start();
        try {
            if (!view.awaitLoaded(Duration.ofSeconds(30))) {
                view.close();
                throw new IllegalStateException("cannot read " + Topics.SUPPRESSIONS.name() + " within 30 s");
            }
        } catch (InterruptedException e) {
            view.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + Topics.SUPPRESSIONS.name(), e);
        }
        return view;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(CHUNK));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sb-replay-reader");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer(String replayId) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One id per replay: a second run of the same replay fences the first.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + replayId);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + replayId);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}

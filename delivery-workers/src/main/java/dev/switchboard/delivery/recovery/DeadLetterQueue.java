/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Redrive;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's dead letters ({@code sb.dest.<id>.dlq}): list them, show one, and redrive the
 * chosen ones, that is put their requests back on {@code sb.dest.<id>} for a fresh round of
 * attempts (a new retry window). Each redriven letter is recorded on the compacted
 * {@code sb.redrives} (key {@code <id>/<partition>/<offset>}) in the same Kafka transaction as its
 * request, so a letter is put back once, even when a redrive is stopped or crashes half way and is
 * run again; {@code force} puts back letters redriven before.
 */
public final class DeadLetterQueue {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);

    /** Letters per transaction: a stopped run loses at most this much progress, never a letter. */
    static final int CHUNK = 200;

    /** The Kafka record header naming the redrive that put a request back. */
    public static final String REDRIVE_HEADER = "sb-redrive-id";

    /** The redrive producer's transactional id is this and the destination id. */
    public static final String TRANSACTIONAL_ID_PREFIX = "sb-redrive-";

    private final KafkaAccess kafka;
    private final String destinationId;
    private final Topic<String, DeadLetter> dlq;

    public DeadLetterQueue(KafkaAccess kafka, String destinationId) {
        this.kafka = kafka;
        this.destinationId = destinationId;
        this.dlq = Topics.deadLetter(destinationId);
    }

    /** The letters that match {@code filter}, oldest first, each with its last redrive if any. */
    public List<Letter> list(LetterFilter filter) {
        Map<String, Redrive> redrives = redrives();
        List<Letter> matches = new ArrayList<>();
        var values = dlq.valueSerde().deserializer();
        TopicScan.scan(kafka, dlq.name(), r -> {
            if (r.value() == null) {
                return;
            }
            DeadLetter d;
            try {
                d = values.deserialize(r.topic(), r.value());
            } catch (RuntimeException e) {
                LOG.warn("{}-{}@{} cannot be read, skipped: {}", r.topic(), r.partition(), r.offset(), e.toString());
                return;
            }
            Letter l = new Letter(
                    r.partition(),
                    r.offset(),
                    r.key(),
                    d,
                    redrives.get(Topics.redriveKey(destinationId, r.partition(), r.offset())));
            if (filter.matches(l)) {
                matches.add(l);
            }
        });
        matches.sort(Comparator.comparing(Letter::deadLetteredAt)
                .thenComparing(Letter::partition)
                .thenComparing(Letter::offset));
        return filter.limit() > 0 && matches.size() > filter.limit() ? matches.subList(0, filter.limit()) : matches;
    }

    /** The letter at {@code partition}:{@code offset}, if there is one. */
    public Optional<Letter> find(int partition, long offset) {
        return list(LetterFilter.ALL).stream()
                .filter(l -> l.partition() == partition && l.offset() == offset)
                .findFirst();
    }

    /**
     * Puts {@code letters} back for delivery under {@code redriveId}, skipping those redriven before
     * unless {@code force}; with {@code dryRun} nothing is written. {@code progress} hears of each
     * chunk written and may stop the run between chunks (what was written stays written and
     * recorded: running the same command again goes on where it stopped).
     */
    public RedriveResult redrive(
            List<Letter> letters, String redriveId, boolean force, boolean dryRun, Progress progress) {
        List<Letter> todo = new ArrayList<>();
        List<Letter> skipped = new ArrayList<>();
        split(letters, force, Map.of(), todo, skipped);
        if (dryRun || todo.isEmpty()) {
            return new RedriveResult(redriveId, List.of(), skipped, dryRun ? todo : List.of(), false);
        }
        List<Letter> done = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            // Fences any earlier redrive of this destination still running (its open transaction is
            // aborted, its next commit fails); what it committed is visible now, so read it again.
            producer.initTransactions();
            if (!force) {
                List<Letter> again = new ArrayList<>(todo);
                todo.clear();
                split(again, false, redrives(), todo, skipped);
            }
            for (int from = 0; from < todo.size(); from += CHUNK) {
                if (progress.stopRequested()) {
                    return new RedriveResult(redriveId, done, skipped, List.of(), true);
                }
                List<Letter> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
                producer.beginTransaction();
                Instant now = Instant.now();
                for (Letter l : chunk) {
                    producer.send(requestRecord(l, redriveId));
                    producer.send(redriveRecord(l, redriveId, now));
                }
                producer.commitTransaction();
                done.addAll(chunk);
                progress.advanced(done.size(), todo.size());
            }
        }
        LOG.info("redrive {} put back {} dead letters of {}", redriveId, done.size(), destinationId);
        return new RedriveResult(redriveId, done, skipped, List.of(), false);
    }

    private void split(
            List<Letter> letters,
            boolean force,
            Map<String, Redrive> recorded,
            List<Letter> todo,
            List<Letter> skipped) {
        for (Letter l : letters) {
            Redrive later = recorded.get(Topics.redriveKey(destinationId, l.partition(), l.offset()));
            if (force || (!l.redriven() && later == null)) {
                todo.add(l);
            } else {
                skipped.add(later == null ? l : new Letter(l.partition(), l.offset(), l.key(), l.letter(), later));
            }
        }
    }

    private ProducerRecord<byte[], byte[]> requestRecord(Letter l, String redriveId) {
        Topic<String, DestinationRequest> topic = Topics.destination(destinationId);
        byte[] value = topic.valueSerde()
                .serializer()
                .serialize(topic.name(), l.letter().getRequest());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(), bytes(l.key()), value);
        record.headers().add(REDRIVE_HEADER, bytes(redriveId));
        return record;
    }

    private ProducerRecord<byte[], byte[]> redriveRecord(Letter l, String redriveId, Instant now) {
        Redrive redrive = new Redrive(
                destinationId,
                l.partition(),
                l.offset(),
                redriveId,
                now,
                l.letter().getRequest().getMessageIds());
        byte[] value = Topics.REDRIVES.valueSerde().serializer().serialize(Topics.REDRIVES.name(), redrive);
        return new ProducerRecord<>(
                Topics.REDRIVES.name(), bytes(Topics.redriveKey(destinationId, l.partition(), l.offset())), value);
    }

    /** This destination's redrive records, by key; the latest per letter. */
    private Map<String, Redrive> redrives() {
        Map<String, Redrive> byKey = new HashMap<>();
        String prefix = destinationId + "/";
        var values = Topics.REDRIVES.valueSerde().deserializer();
        TopicScan.scan(kafka, Topics.REDRIVES.name(), r -> {
            if (r.key() == null || !r.key().startsWith(prefix)) {
                return;
            }
            if (r.value() == null) {
                byKey.remove(r.key());
            } else {
                byKey.put(r.key(), values.deserialize(r.topic(), r.value()));
            }
        });
        return byKey;
    }

    private KafkaProducer<byte[], byte[]> transactionalProducer() {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One id per destination: a second redrive of the same destination fences the first.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + destinationId);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + destinationId);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Hears how far a long run got, and may ask it to stop. */
    public interface Progress {
        /** Nothing to report, never stops. */
        Progress NONE = new Progress() {
            @Override
            public void advanced(long done, long total) {}

            @Override
            public boolean stopRequested() {
                return false;
            }
        };

        /** {@code done} of {@code total} are finished. */
        void advanced(long done, long total);

        /** Whether the run should stop at the next safe point (e.g. after Ctrl-C). */
        boolean stopRequested();

        /** A progress that reports nothing and stops when {@code stop} says so. */
        static Progress stoppingWhen(BooleanSupplier stop) {
            return new Progress() {
                @Override
                public void advanced(long done, long total) {}

                @Override
                public boolean stopRequested() {
                    return stop.getAsBoolean();
                }
            };
        }
    }
}

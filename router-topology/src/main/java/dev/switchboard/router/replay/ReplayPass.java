/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.ReplayProgress;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.plan.SuppressedUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an {@link ArchiveReplay}: reads a partition's window chunk by chunk, routes each matching
 * event with {@link ReplayRouting}, and writes the chunk's requests, rejections and progress in one
 * transaction (nothing in a dry run).
 */
final class ReplayPass {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayPass.class);

    private final CompiledWorkspace workspace;
    private final SuppressedUsers suppressed;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ReplaySpec spec;
    private final long fromMillis;
    private final long toMillis;
    private final Set<String> chosen;
    private final Pacer pacer;
    private final Tally tally = new Tally();
    private final Deserializer<Event> events = Topics.EVENTS.valueSerde().deserializer();
    private final Serializer<Rejected> rejections = Topics.REJECTED.valueSerde().serializer();
    private long unreadable;
    private boolean interrupted;

    ReplayPass(
            CompiledWorkspace workspace,
            SuppressedUsers suppressed,
            KafkaConsumer<byte[], byte[]> consumer,
            KafkaProducer<byte[], byte[]> producer,
            ReplaySpec spec,
            Instant from,
            Instant to,
            Pacer pacer) {
        this.workspace = workspace;
        this.suppressed = suppressed;
        this.consumer = consumer;
        this.producer = producer;
        this.spec = spec;
        this.fromMillis = from.toEpochMilli();
        this.toMillis = to.toEpochMilli();
        this.chosen = Set.copyOf(spec.destinationIds());
        this.pacer = pacer;
    }

    /** One chunk of one partition: read, route, and (unless a dry run) write it with its progress in one transaction. */
    ReplayProgress chunk(TopicPartition tp, ReplayProgress at) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        long next = at.getNextOffset();
        long sentEvents = 0;
        long deadline = System.nanoTime() + ArchiveReplay.CHUNK_TIME.toNanos();
        int read = 0;
        boolean full = false;
        while (!full && next < at.getStopOffset()) {
            for (ConsumerRecord<byte[], byte[]> r : poll()) {
                full = interrupted || read >= ArchiveReplay.CHUNK || System.nanoTime() >= deadline;
                if (full || r.offset() >= at.getStopOffset()) {
                    break;
                }
                Event e = r.timestamp() < fromMillis || r.timestamp() >= toMillis ? null : read(r);
                if (e != null && spec.matches(e) && !pacer.await()) {
                    stopOnInterrupt();
                    full = true;
                    break; // this record is the next chunk's first
                }
                read++;
                next = r.offset() + 1;
                if (e == null || !spec.matches(e)) {
                    continue;
                }
                ReplayRouting.Routing routing;
                try {
                    routing = ReplayRouting.route(e, workspace, suppressed, chosen, spec.replayId());
                } catch (IllegalArgumentException ex) {
                    LOG.warn("{}-{}@{} skipped: {}", r.topic(), r.partition(), r.offset(), ex.getMessage());
                    unreadable++;
                    continue;
                }
                sentEvents += tally.add(e, routing);
                for (DestinationRequest request : routing.requests()) {
                    out.add(record(r.key(), request, spec.replayId()));
                }
                for (Rejected rejected : routing.rejections()) {
                    // as the router's map stage: nothing a mapper refuses is lost silently
                    out.add(new ProducerRecord<>(
                            Topics.REJECTED.name(), r.key(), rejections.serialize(Topics.REJECTED.name(), rejected)));
                }
            }
            if (full || interrupted) {
                full = true;
                consumer.seek(tp, next); // the rest of this poll goes in the next chunk
            } else {
                // Transaction markers and compacted gaps move the position without a record.
                next = Math.max(next, Math.min(consumer.position(tp), at.getStopOffset()));
                full = System.nanoTime() >= deadline;
            }
        }
        ReplayProgress advanced = ReplayProgress.newBuilder(at)
                .setNextOffset(next)
                .setEvents(at.getEvents() + sentEvents)
                .setUpdatedAt(Instant.now())
                .build();
        if (producer != null) {
            producer.beginTransaction();
            out.forEach(producer::send);
            producer.send(ReplayLedger.record(advanced));
            producer.commitTransaction();
        }
        return advanced;
    }

    /**
     * The next records; an interrupt (the command's thread, e.g. its caller closing it) ends the
     * chunk as Ctrl-C does: what was read so far is committed, and the run stops after it.
     */
    private Iterable<ConsumerRecord<byte[], byte[]>> poll() {
        if (Thread.currentThread().isInterrupted()) {
            stopOnInterrupt();
            return List.of();
        }
        try {
            return consumer.poll(Duration.ofMillis(200));
        } catch (InterruptException e) {
            stopOnInterrupt();
            return List.of();
        }
    }

    /** Clears the thread's interrupt so the chunk can still commit; {@link #run} sets it again at the end. */
    private void stopOnInterrupt() {
        Thread.interrupted();
        interrupted = true;
    }

    private Event read(ConsumerRecord<byte[], byte[]> r) {
        try {
            return r.value() == null ? null : events.deserialize(r.topic(), r.value());
        } catch (RuntimeException ex) {
            LOG.warn("{}-{}@{} cannot be read, skipped: {}", r.topic(), r.partition(), r.offset(), ex.toString());
            unreadable++;
            return null;
        }
    }

    /** What this run counted. */
    Tally tally() {
        return tally;
    }

    /** Archive records that could not be decoded or routed, skipped. */
    long unreadable() {
        return unreadable;
    }

    /** Whether the calling thread was interrupted: the run stops after the chunk it was in. */
    boolean interrupted() {
        return interrupted;
    }

    private static ProducerRecord<byte[], byte[]> record(byte[] key, DestinationRequest request, String replayId) {
        Topic<String, DestinationRequest> topic = Topics.destination(request.getDestinationId());
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), request);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(), key, value);
        record.headers().add(ArchiveReplay.REPLAY_HEADER, replayId.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationControl;
import dev.switchboard.schemas.avro.PauseInterval;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Pauses and resumes destinations by writing their {@link DestinationControl} to {@code sb.control}.
 * Every delivery instance follows that topic ({@link ControlView}): a paused destination's workers
 * stop taking new records within a second or two, finish the calls in flight, and neither retry nor
 * dead-letter anything until it is resumed; the time paused does not count against the retry window.
 */
public final class DestinationControls implements AutoCloseable {

    /** Finished pauses older than this are forgotten: no retry window reaches back that far. */
    static final Duration KEEP_PAUSES = Duration.ofDays(30);

    /** At most this many finished pauses are kept per destination. */
    static final int MAX_PAUSES = 200;

    private final ControlView view;
    private final KafkaProducer<byte[], byte[]> producer;

    public DestinationControls(KafkaAccess kafka) {
        this.view = new ControlView(kafka, "sb-control-writer").start();
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The current pause state of {@code destinationId}, once the control topic has been read. */
    public PauseClock state(String destinationId) {
        awaitLoaded();
        return view.clock(destinationId);
    }

    /** Pauses {@code destinationId}; returns the state before (already paused: nothing is written). */
    public PauseClock pause(String destinationId, String reason, Instant now) {
        PauseClock before = state(destinationId);
        if (!before.paused()) {
            write(new DestinationControl(destinationId, true, now, reason, now, before.pauses()));
        }
        return before;
    }

    /** Resumes {@code destinationId}; returns the state before (not paused: nothing is written). */
    public PauseClock resume(String destinationId, String reason, Instant now) {
        PauseClock before = state(destinationId);
        if (before.paused()) {
            List<PauseInterval> pauses = new ArrayList<>(before.pauses());
            pauses.add(new PauseInterval(before.pausedSince() == null ? now : before.pausedSince(), now));
            pauses.removeIf(p -> p.getEnd().isBefore(now.minus(KEEP_PAUSES)));
            while (pauses.size() > MAX_PAUSES) {
                pauses.remove(0);
            }
            write(new DestinationControl(destinationId, false, null, reason, now, pauses));
        }
        return before;
    }

    private void write(DestinationControl control) {
        byte[] key = control.getDestinationId().getBytes(StandardCharsets.UTF_8);
        byte[] value = Topics.CONTROL.valueSerde().serializer().serialize(Topics.CONTROL.name(), control);
        try {
            producer.send(new ProducerRecord<>(Topics.CONTROL.name(), key, value))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + Topics.CONTROL.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write " + Topics.CONTROL.name() + ": " + e, e);
        }
        awaitVisible(control);
    }

    /** Read your writes: {@link #state} answers with {@code control} once the view has read it back (at most 10 s). */
    private void awaitVisible(DestinationControl control) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (view.clock(control.getDestinationId()).paused() != control.getPaused() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitLoaded() {
        try {
            if (!view.awaitLoaded(Duration.ofSeconds(30))) {
                throw new IllegalStateException("cannot read " + Topics.CONTROL.name() + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + Topics.CONTROL.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        view.close();
    }
}

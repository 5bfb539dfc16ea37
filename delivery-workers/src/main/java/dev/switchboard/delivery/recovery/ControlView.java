/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationControl;
import dev.switchboard.workspace.TopicTail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted {@code sb.control} ({@link TopicTail}) and keeps each destination's {@link PauseClock}.
 * Until the topic has been read to its end offsets at start, every destination reads as
 * {@link PauseClock#UNKNOWN} (held): a pause holds across restarts. When the topic does not exist, nothing is
 * paused and the view keeps looking for it.
 */
public final class ControlView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlView.class);

    private final Map<String, PauseClock> clocks = new ConcurrentHashMap<>();
    private final TopicTail<String, DestinationControl> tail;

    public ControlView(KafkaAccess kafka, String clientId) {
        this.tail =
                new TopicTail<>(kafka.properties(), clientId, Topics.CONTROL, TopicTail.WhenMissing.EMPTY, this::apply);
    }

    /** Starts tailing; returns at once. */
    public ControlView start() {
        tail.start();
        return this;
    }

    /** Waits until the topic was read up to its end offsets at start (or found missing). */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return tail.awaitLoaded(timeout);
    }

    /** The pause state of {@code destinationId} now. */
    public PauseClock clock(String destinationId) {
        if (!tail.isLoaded()) {
            return PauseClock.UNKNOWN;
        }
        return clocks.getOrDefault(destinationId, PauseClock.RUNNING);
    }

    /** Every destination's last control record, by destination id. */
    public Map<String, PauseClock> all() {
        return Map.copyOf(clocks);
    }

    private void apply(List<ConsumerRecord<String, DestinationControl>> records) {
        for (ConsumerRecord<String, DestinationControl> r : records) {
            if (r.key() == null) {
                continue;
            }
            if (r.value() == null) {
                clocks.remove(r.key());
                continue;
            }
            PauseClock clock = PauseClock.of(r.value());
            PauseClock before = clocks.put(r.key(), clock);
            if (before == null || before.paused() != clock.paused()) {
                LOG.info(
                        "destination {} {}{}",
                        r.key(),
                        clock.paused() ? "paused" : "running",
                        clock.reason() == null ? "" : ": " + clock.reason());
            }
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}

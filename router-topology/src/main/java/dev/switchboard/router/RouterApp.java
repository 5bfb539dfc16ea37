/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.errors.InternalErrors;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's lifecycle: the only class that touches {@link KafkaStreams}. Start, health from the
 * state listener, and a clean close that commits and flushes.
 */
public final class RouterApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouterApp.class);

    private final KafkaStreams streams;
    private KafkaStreamsMetrics metrics;

    public RouterApp(RouterConfig config, String bootstrapServers, MapperRegistry mappers) {
        this.streams =
                new KafkaStreams(RouterTopology.build(mappers, config), config.streamsProperties(bootstrapServers));
        streams.setStateListener((now, before) -> LOG.info("router {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(e -> {
            // Records that break a stage are handled by the exception handlers; what reaches here is
            // infrastructure (e.g. a fenced producer): replacing the thread resumes from the last commit.
            LOG.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
    }

    /**
     * Ready to route now: every stream thread has its tasks, restored, and processes
     * ({@code RUNNING}); not while rebalancing or restoring state, before the start or when stopping.
     */
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Alive: not failed. {@code ERROR} (every stream thread died) or on the way there is not alive, so
     * a liveness probe restarts the process; created, starting, rebalancing and stopping are alive.
     */
    public boolean alive() {
        KafkaStreams.State s = streams.state();
        return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR;
    }

    /** Running or rebalancing (not yet started, erroring or shutting down is unhealthy). */
    public boolean healthy() {
        KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Kafka Streams' own metrics (threads, tasks, stores, its clients) in {@code registry}; before start. */
    public void bindTo(MeterRegistry registry) {
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        FunctionCounter.builder(InternalErrors.METRIC, InternalErrors.class, c -> InternalErrors.count())
                .description("bugs of the router or a mapper, each event rejected with code internal_error")
                .register(registry);
    }

    /**
     * Commits, closes the stores and the producers, and leaves the consumer group (see
     * {@link RouterConfig#streamsProperties}); waits up to 30 s.
     */
    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        if (metrics != null) {
            metrics.close();
        }
    }
}

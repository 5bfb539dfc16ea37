/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import dev.switchboard.delivery.consume.DestinationWorker;
import dev.switchboard.delivery.consume.WorkerTuning;
import dev.switchboard.delivery.recovery.ControlView;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.ConfigSnapshot;
import dev.switchboard.workspace.ConfigView;
import dev.switchboard.workspace.config.DeliveryOptions;
import dev.switchboard.workspace.config.DestinationConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery role: one {@link DestinationWorker} per enabled destination of every workspace in the
 * config view, following config changes (a new destination gets a worker, a removed or disabled one
 * loses it, changed delivery options restart it), and each destination's pause on {@code sb.control}
 * ({@link ControlView}). Workers share one idempotent acks=all producer for
 * outcomes, retries and dead letters; everything else (consumer group, HTTP client, in-flight
 * window, thread) is per destination.
 */
public final class DeliveryApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryApp.class);

    /** Gauge: workers that stopped on their own (Kafka unreachable, an unexpected error). */
    public static final String WORKERS_STOPPED = "switchboard.delivery.workers.stopped";
    /** Counter per destination: workers started again after they had stopped. */
    public static final String WORKER_RESTARTS =
            "switchboard.delivery.worker.restarts"; // kept by DeliveryMetrics.remove

    private final DeliveryConfig config;
    private final String bootstrapServers;
    private final ConfigView configView;
    private final MeterRegistry registry;
    private final Map<String, DestinationWorker> workers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sb-delivery-config");
        t.setDaemon(true);
        return t;
    });
    private KafkaProducer<byte[], byte[]> producer;
    private ControlView controls;
    private volatile boolean started;
    private volatile boolean closed;

    public DeliveryApp(DeliveryConfig config, String bootstrapServers, ConfigView configView, MeterRegistry registry) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.configView = configView;
        this.registry = registry;
        Gauge.builder(WORKERS_STOPPED, workers, w -> w.values().stream()
                        .filter(worker -> !worker.healthy())
                        .count())
                .description("destination workers that stopped on their own and wait for their restart")
                .register(registry);
    }

    /** Starts a worker per enabled destination and follows config changes; returns at once. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        controls = new ControlView(new KafkaAccess(bootstrapServers, config.clientSettings()), "sb-delivery-control")
                .start();
        started = true;
        configView.onChange(snapshot -> reconciler.execute(() -> reconcile(snapshot)));
        reconciler.execute(() -> reconcile(configView.current()));
        long delay = config.get(DeliveryConfig.RESTART_DELAY).toMillis();
        reconciler.scheduleWithFixedDelay(this::restartStopped, delay, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts again every worker that stopped on its own: one that could not record outcomes (Kafka
     * unreachable for longer than the producer's timeout) or met an unexpected error. It resumes from
     * its last committed offsets, so what it had not finished is sent again.
     */
    private synchronized void restartStopped() {
        if (closed) {
            return;
        }
        try {
            for (DestinationWorker worker : List.copyOf(workers.values())) {
                if (!worker.healthy()) {
                    LOG.warn("delivery to {} had stopped; starting it again", worker.destinationId());
                    worker.close();
                    workers.put(worker.destinationId(), worker(worker.tuning()).start());
                    restarts(worker.destinationId()).increment();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("restarting stopped delivery workers failed; trying again later", e); // keeps the schedule
        }
    }

    private Counter restarts(String destinationId) {
        return Counter.builder(WORKER_RESTARTS)
                .description("destination workers started again after they stopped on their own")
                .tag("destination", destinationId)
                .register(registry);
    }

    /** Started, not closed, and every worker running without a failed outcome write. */
    public boolean healthy() {
        return started && !closed && workers.values().stream().allMatch(DestinationWorker::healthy);
    }

    /**
     * Ready to deliver now: the config view has caught up with {@code sb.config}, every enabled
     * destination it knows has a worker, and every worker runs.
     */
    public boolean ready() {
        if (!started || closed || !configView.isLoaded()) {
            return false;
        }
        for (CompiledWorkspace w : configView.current().workspaces()) {
            for (DestinationConfig d : w.destinations()) {
                if (d.enabled() && !workers.containsKey(d.id())) {
                    return false;
                }
            }
        }
        return workers.values().stream().allMatch(DestinationWorker::healthy);
    }

    /** The destinations that have a worker now. */
    public List<String> destinations() {
        return List.copyOf(workers.keySet());
    }

    private synchronized void reconcile(ConfigSnapshot snapshot) {
        if (closed) {
            return;
        }
        Map<String, WorkerTuning> wanted = new HashMap<>();
        for (CompiledWorkspace w : snapshot.workspaces()) {
            for (DestinationConfig d : w.destinations()) {
                if (d.enabled()) {
                    wanted.put(d.id(), tuning(config, d));
                }
            }
        }
        for (String id : new ArrayList<>(workers.keySet())) {
            WorkerTuning s = wanted.get(id);
            if (s == null || !s.equals(workers.get(id).tuning())) {
                LOG.info("stopping delivery to {}", id);
                workers.remove(id).close();
            }
        }
        wanted.forEach((id, s) -> workers.computeIfAbsent(id, k -> {
            LOG.info("starting delivery to {}", id);
            restarts(id); // at 0 from the start: an alert on its increase needs the series
            return worker(s).start();
        }));
    }

    /** A worker for {@code s} that follows the destination's pause on {@code sb.control}. */
    private DestinationWorker worker(WorkerTuning s) {
        String id = s.destinationId();
        return new DestinationWorker(s, bootstrapServers, producer, registry, () -> controls.clock(id));
    }

    /** How one destination's worker is tuned: the role's options overridden by its {@code delivery:} block. */
    static WorkerTuning tuning(DeliveryConfig c, DestinationConfig d) {
        DeliveryOptions o =
                d.delivery() == null ? new DeliveryOptions(null, null, null, null, null, null) : d.delivery();
        return new WorkerTuning(
                d.id(),
                o.connectTimeoutDuration().orElse(c.connectTimeout()),
                o.requestTimeoutDuration().orElse(c.requestTimeout()),
                o.retryWindowDuration().orElse(c.retryWindow()),
                c.backoffBase(),
                c.backoffMax(),
                o.maxInFlight() != null ? o.maxInFlight() : c.get(DeliveryConfig.MAX_IN_FLIGHT),
                o.ratePerSecond() != null ? o.ratePerSecond() : c.get(DeliveryConfig.RATE_PER_SECOND),
                c.get(DeliveryConfig.BATCH_LINGER),
                o.perUserOrdering() != null ? o.perUserOrdering() : c.get(DeliveryConfig.PER_USER_ORDERING),
                c.get(DeliveryConfig.PER_USER_MAX_HELD),
                c.get(DeliveryConfig.MAX_PENDING),
                c.get(DeliveryConfig.COMMIT_INTERVAL),
                c.shutdownTimeout(),
                c.consumerOverrides());
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "sb-delivery-outcomes");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.putAll(config.producerOverrides());
        return p;
    }

    /** Graceful: every worker finishes its in-flight calls, records their outcomes and commits. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reconciler.shutdown();
        try {
            reconciler.awaitTermination(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Thread> closing = new ArrayList<>();
        // In parallel: a hanging destination's shutdown timeout must not add to the others'.
        workers.values().forEach(w -> {
            Thread t = new Thread(w::close, "sb-delivery-close-" + w.destinationId());
            t.start();
            closing.add(t);
        });
        closing.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        workers.clear();
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (controls != null) {
            controls.close();
        }
    }
}

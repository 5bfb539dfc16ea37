/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.load;

import dev.switchboard.schemas.ArchiveHeaders;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.warehouse.LoaderConfig;
import dev.switchboard.warehouse.Warehouse;
import dev.switchboard.warehouse.WarehouseException;
import dev.switchboard.warehouse.schema.FlatRow;
import dev.switchboard.warehouse.schema.Flattener;
import dev.switchboard.warehouse.schema.Names;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code sb.events} into one warehouse. Its own consumer group ({@code sb-warehouse-<id>}),
 * so it scales by partitions like the other roles and never slows them. Two threads: the
 * consumer's reads and flattens the next batch while a {@link BackgroundLoad} writes the current
 * one; one batch at most is in flight.
 *
 * <p>Nothing is lost: offsets are committed only after the warehouse committed the batch that
 * holds their events. A failed load keeps the batch, pauses reading and tries again with backoff
 * for as long as it takes. A crash or a rebalance before the commit means the batch is read and
 * loaded again, which adds nothing (the warehouse is idempotent on ids).
 */
public final class WarehouseLoader implements AutoCloseable {

    /** Each warehouse's consumer group is this and its id; its KafkaUser is granted the prefix. */
    public static final String GROUP_PREFIX = "sb-warehouse-";

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLoader.class);

    private final Target target;
    private final Warehouse warehouse;
    private final LoaderConfig config;
    private final String bootstrapServers;
    private final Flattener flattener;
    private final Backoff backoff;
    private final BackgroundLoad background;
    private PendingBatch batch = new PendingBatch();
    private final Counter loaded;
    private final Counter failed;
    private final Counter unreadable;
    private final Counter blocked;
    private final Timer loadTime;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean failing;
    private volatile boolean died;
    private KafkaConsumer<byte[], byte[]> consumer;
    private int failures;
    private long retryAt;

    public WarehouseLoader(
            Target target, Warehouse warehouse, LoaderConfig config, String bootstrapServers, MeterRegistry registry) {
        this.target = target;
        this.warehouse = warehouse;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.flattener = new Flattener(new Names(warehouse.maxIdentifierBytes()));
        this.backoff = new Backoff(config.get(LoaderConfig.BACKOFF_BASE), config.get(LoaderConfig.BACKOFF_MAX));
        this.loaded = Counter.builder("switchboard.warehouse.rows.loaded")
                .tag("warehouse", target.id())
                .description("Events whose rows the warehouse committed")
                .register(registry);
        this.failed = Counter.builder("switchboard.warehouse.load.failures")
                .tag("warehouse", target.id())
                .register(registry);
        this.unreadable = Counter.builder("switchboard.warehouse.unreadable")
                .tag("warehouse", target.id())
                .description("Records of sb.events that could not be read, skipped")
                .register(registry);
        this.blocked = Counter.builder("switchboard.warehouse.blocked")
                .tag("warehouse", target.id())
                .description(
                        "Archived events kept from delivery (blocked by a plan, or a suppressed user's), not loaded")
                .register(registry);
        this.loadTime = Timer.builder("switchboard.warehouse.load.time")
                .tag("warehouse", target.id())
                .register(registry);
        this.thread = new Thread(this::run, "sb-warehouse-" + target.id());
        this.background = new BackgroundLoad(warehouse, "sb-warehouse-" + target.id() + "-load");
    }

    public WarehouseLoader start() {
        thread.start();
        return this;
    }

    public Target target() {
        return target;
    }

    /** The thread runs (a failing warehouse is retried, not a reason to stop). */
    public boolean healthy() {
        return !died;
    }

    /** Running, and the last load (if any) succeeded. */
    public boolean ready() {
        return !died && !failing;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(List.of(Topics.EVENTS.name()), new Rebalance());
            loop(c);
            drain(c); // a graceful stop loads what it holds, once; a failure leaves it for the restart
        } catch (WakeupException stopping) {
            // close() woke the poll up
        } catch (RuntimeException | Error e) {
            died = true;
            LOG.error("warehouse loader {} stopped: {}", target.id(), e.toString(), e);
        }
    }

    private void loop(KafkaConsumer<byte[], byte[]> c) {
        int maxRows = config.get(LoaderConfig.BATCH_ROWS);
        long maxBytes = config.get(LoaderConfig.BATCH_BYTES);
        long linger = config.get(LoaderConfig.BATCH_LINGER).toMillis();
        while (running) {
            long now = System.currentTimeMillis();
            if (failing && now < retryAt) {
                c.poll(Duration.ofMillis(Math.min(200, retryAt - now))); // paused: keeps the group membership
                continue;
            }
            // While a batch is in flight the next one grows up to its bounds: the wait is spent anyway.
            boolean due = batch.due(maxRows, maxBytes, background.busy() ? Long.MAX_VALUE : linger, now);
            if (background.busy() && (failing || due || background.finished())) {
                if (failing) {
                    background.retry();
                } else if (due) {
                    background.prepare(batch); // the next batch is complete: checked while the last is written
                }
                finish(c, due && !failing); // waits for the load in flight, then commits its offsets
                continue;
            }
            if (due) {
                background.start(batch); // loads while the next batch is read
                batch = new PendingBatch();
                continue;
            }
            // While a batch is in flight, short polls: its offsets are committed soon after it is in.
            long wait = background.busy() ? 10 : Math.min(200, Math.max(1, linger));
            ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(wait));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                batch.add(
                        new TopicPartition(r.topic(), r.partition()),
                        r.offset(),
                        r.serializedValueSize(),
                        rows(r),
                        System.currentTimeMillis());
            }
        }
    }

    /** Loads what the loader holds, once: the batch in flight, then (when that one is in) the one read. */
    private void drain(KafkaConsumer<byte[], byte[]> c) {
        if (background.busy()) {
            if (failing) {
                background.retry();
            }
            finish(c);
        }
        if (!background.busy() && !batch.isEmpty()) {
            background.start(batch);
            batch = new PendingBatch();
            finish(c);
        }
    }

    private void finish(KafkaConsumer<byte[], byte[]> c) {
        finish(c, false);
    }

    /**
     * Waits for the batch in flight and commits its offsets; on failure keeps it in flight,
     * pauses reading and schedules a retry. With {@code next}, the batch read meanwhile starts
     * loading as soon as the one in flight is in the warehouse, before its offsets are committed
     * (the warehouse does not wait for the broker's round trip).
     */
    private void finish(KafkaConsumer<byte[], byte[]> c, boolean next) {
        PendingBatch done = background.batch();
        try {
            background.await();
        } catch (WarehouseException e) {
            failed.increment();
            failures++;
            long delay = backoff.delayMillis(failures);
            retryAt = System.currentTimeMillis() + delay;
            if (!failing) {
                c.pause(c.assignment());
            }
            failing = true;
            if (e.unavailable()) {
                LOG.warn(
                        "warehouse {} unavailable ({}); {} events kept, retrying in {} ms",
                        target.id(),
                        e.getMessage(),
                        done.records() + batch.records(),
                        delay);
            } else {
                LOG.error(
                        "warehouse {} refused a batch; {} events kept, retrying in {} ms",
                        target.id(),
                        done.records() + batch.records(),
                        delay,
                        e);
            }
            return;
        }
        loadTime.record(background.tookNanos(), TimeUnit.NANOSECONDS);
        background.clear();
        if (next) {
            background.start(batch);
            batch = new PendingBatch();
        }
        try {
            c.commitSync(done.offsets());
        } catch (KafkaException e) {
            // The rows are in the warehouse; a later commit covers these offsets, or after a
            // rebalance the partition's new owner reads them again and the warehouse adds nothing.
            LOG.warn("warehouse {}: offsets not committed after a load ({})", target.id(), e.toString());
        }
        loaded.increment(done.records());
        loadsAgain(c);
    }

    /** Nothing failed is kept any more: reading resumes. */
    private void loadsAgain(KafkaConsumer<byte[], byte[]> c) {
        if (failing) {
            LOG.info("warehouse {} loads again after {} failed attempts", target.id(), failures);
            c.resume(c.paused());
        }
        failing = false;
        failures = 0;
    }

    /**
     * The rows of one record; none when it is not for this warehouse, was kept from delivery (blocked by its
     * tracking plan, or its user suppressed: archived, never delivered, and a warehouse is a destination), or
     * cannot be read.
     */
    private List<FlatRow> rows(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return List.of();
        }
        if (r.headers().lastHeader(ArchiveHeaders.BLOCKED) != null) {
            blocked.increment();
            return List.of();
        }
        try {
            Event e = Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            Flattener.Event event = flattener.read(e.getJson());
            if (event == null || !target.accepts(e.getWorkspaceId(), e.getSourceId(), event.integrations())) {
                return List.of();
            }
            return flattener.rows(e.getSourceId(), event);
        } catch (Exception e) {
            unreadable.increment();
            LOG.warn("skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return List.of();
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + target.id());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sb-warehouse-" + target.id());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new warehouse loads the archive
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "600000");
        p.putAll(config.consumerOverrides());
        return p;
    }

    /** Stops reading, loads what it holds (bounded by the shutdown timeout), commits and leaves the group. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(config.get(LoaderConfig.SHUTDOWN_TIMEOUT).toMillis());
            if (thread.isAlive()) {
                KafkaConsumer<byte[], byte[]> c = consumer;
                if (c != null) {
                    c.wakeup();
                }
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.close();
        warehouse.close();
    }

    /** The batches that span revoked partitions are loaded now (in order), or dropped and read again. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if ((!background.busy() && batch.isEmpty()) || partitions.isEmpty()) {
                return;
            }
            KafkaConsumer<byte[], byte[]> c = consumer;
            try {
                if (background.busy()) {
                    if (failing) {
                        background.retry();
                    }
                    background.await();
                    c.commitSync(background.batch().offsets());
                    loaded.increment(background.batch().records());
                    background.clear();
                    loadsAgain(c);
                }
                if (!batch.isEmpty()) {
                    warehouse.load(batch.rows());
                    c.commitSync(batch.offsets());
                    loaded.increment(batch.records());
                    batch.clear();
                }
            } catch (WarehouseException | RuntimeException e) {
                drop(c, partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(consumer, partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (failing) {
                consumer.pause(partitions);
            }
        }

        private void drop(KafkaConsumer<byte[], byte[]> c, Collection<TopicPartition> leaving) {
            // The partitions we keep are read again from where the older batch began.
            Map<TopicPartition, Long> from = new HashMap<>(batch.firstOffsets());
            int records = batch.records();
            if (background.busy()) {
                from.putAll(background.batch().firstOffsets());
                records += background.batch().records();
            }
            from.forEach((tp, offset) -> {
                if (!leaving.contains(tp) && c.assignment().contains(tp)) {
                    c.seek(tp, offset);
                }
            });
            LOG.info("warehouse {}: a rebalance dropped {} unloaded events; they are read again", target.id(), records);
            batch.clear();
            background.clear();
            loadsAgain(c); // nothing is kept to retry: read again, and load what comes
        }
    }
}

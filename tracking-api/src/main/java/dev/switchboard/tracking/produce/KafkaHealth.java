/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.produce;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Kafka answers, probed in the background ({@code describeCluster}) so that request threads
 * never wait on it: while it is down, calls get a 503 at once instead of waiting for the producer's
 * delivery timeout. A failed write also marks it down until the next good probe.
 */
public final class KafkaHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaHealth.class);

    private final Admin admin;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private volatile boolean reachable;

    public KafkaHealth(String bootstrapServers, Duration interval) {
        this(bootstrapServers, interval, Map.of());
    }

    /** As above, the admin client also given {@code clientSettings} (security, e.g. SASL). */
    public KafkaHealth(String bootstrapServers, Duration interval, Map<String, String> clientSettings) {
        Properties p = new Properties();
        p.putAll(clientSettings);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "switchboard-tracking-api-health");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        this.admin = Admin.create(p);
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-tracking-kafka-health");
            t.setDaemon(true);
            return t;
        });
    }

    /** Probes once (blocking, bounded) and then every interval in the background. */
    public KafkaHealth start() {
        probe();
        scheduler.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public boolean reachable() {
        return reachable;
    }

    /** A write failed for a reason that suggests the broker is gone; the next good probe clears it. */
    public void markUnreachable() {
        reachable = false;
    }

    private void probe() {
        boolean ok;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS);
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            ok = false;
        }
        if (ok != reachable) {
            LOG.info("Kafka {}", ok ? "reachable" : "unreachable");
        }
        reachable = ok;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}

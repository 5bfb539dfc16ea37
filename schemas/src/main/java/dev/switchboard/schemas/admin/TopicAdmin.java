/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas.admin;

import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Switchboard's topics with their partition counts and configs; existing topics are left as
 * they are. Used by {@code switchboard topics create}, {@code config apply} (for new destinations)
 * and {@code dev}.
 */
public final class TopicAdmin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    /** The topics that hold state, not history: the latest record per key must stay forever. */
    private static final List<Topic<?, ?>> COMPACTED =
            List.of(Topics.CONFIG, Topics.CONTROL, Topics.REDRIVES, Topics.REPLAYS, Topics.SUPPRESSIONS, Topics.FIELDS);

    private static final Map<Topic<?, ?>, String> WHY_COMPACTED = Map.of(
            Topics.CONFIG, "workspaces",
            Topics.CONTROL, "destination pauses",
            Topics.REDRIVES, "the record of redriven dead letters",
            Topics.REPLAYS, "the progress of replays",
            Topics.SUPPRESSIONS, "suppressed users",
            Topics.FIELDS, "the field inventory");

    private final Admin admin;
    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private Duration archiveRetention;

    public TopicAdmin(String bootstrapServers, int partitions, short replicationFactor) {
        this(bootstrapServers, partitions, replicationFactor, Map.of());
    }

    /** As above; the admin client also gets {@code clientSettings} (e.g. SASL or TLS settings). */
    public TopicAdmin(
            String bootstrapServers, int partitions, short replicationFactor, Map<String, String> clientSettings) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.admin = Admin.create(props);
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /**
     * The core topics as this admin creates them: name, partitions, replication and configs. The one
     * source of truth for a deployment that creates them another way (Strimzi KafkaTopics).
     */
    public List<NewTopic> coreTopics() {
        return Topics.core().stream().map(this::newTopic).toList();
    }

    /**
     * Sets the retention of {@code sb.events}, the archive (and so the replay horizon), for the topics
     * created from now on; null keeps the broker's default.
     */
    public TopicAdmin archiveRetention(Duration retention) {
        this.archiveRetention = retention;
        return this;
    }

    /**
     * Sets the retention of an existing {@code sb.events} (topics create leaves existing topics as they
     * are otherwise).
     */
    public void alterArchiveRetention(Duration retention) {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS.name());
        AlterConfigOp op = new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())),
                AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(r, List.of(op))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the archive retention", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set the retention of " + Topics.EVENTS.name() + ": " + e, e);
        }
    }

    /**
     * The retention of {@code sb.events} as the broker applies it, the replay horizon: events older
     * than this may be gone; null when it is unbounded ({@code retention.ms=-1}).
     */
    public Duration currentArchiveRetention() {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS.name());
        try {
            ConfigEntry e = admin.describeConfigs(List.of(r))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(r)
                    .get(TopicConfig.RETENTION_MS_CONFIG);
            long ms = e == null || e.value() == null ? -1 : Long.parseLong(e.value());
            return ms < 0 ? null : Duration.ofMillis(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the archive retention", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the retention of " + Topics.EVENTS.name() + ": " + e, e);
        }
    }

    /** One Switchboard topic as it exists now. */
    public record TopicInfo(
            String name,
            int partitions,
            int replication,
            long retentionMs,
            String cleanupPolicy,
            long sizeBytes,
            List<Long> endOffsets) {}

    /** Every Switchboard topic ({@code sb.*} and the router's internal ones), by name. */
    public List<TopicInfo> describe() {
        try {
            return TopicDescriptions.describe(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topics at " + bootstrapServers + ": " + e, e);
        }
    }

    /** The core topics; returns the names that were created (not those that already existed). */
    public List<String> createCore() {
        return create(Topics.core());
    }

    /**
     * What is wrong with the core topics as they exist now, each as a sentence; empty when all is
     * well. A missing topic, and an {@code sb.config} that is not compacted (the broker would delete
     * the only copy of a workspace once it is older than the topic's retention, and the tracking API
     * would then refuse its write keys), are wrong; other settings are the operator's choice.
     */
    public List<String> verifyCore() {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> problems = new ArrayList<>();
            for (Topic<?, ?> t : Topics.core()) {
                if (!existing.contains(t.name())) {
                    problems.add("topic " + t.name() + " does not exist");
                }
            }
            for (Topic<?, ?> t : COMPACTED) {
                if (!existing.contains(t.name())) {
                    continue;
                }
                ConfigResource config = new ConfigResource(ConfigResource.Type.TOPIC, t.name());
                String policy = admin.describeConfigs(List.of(config))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(config)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                        .value();
                if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    problems.add("topic " + t.name() + " has cleanup.policy=" + policy + ": " + WHY_COMPACTED.get(t)
                            + " would be deleted after its retention; set cleanup.policy=compact");
                }
            }
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check topics at " + bootstrapServers + ": " + e, e);
        }
    }

    /**
     * The request, retry and dead-letter topics of each destination id ({@code sb.dest.<id>},
     * {@code sb.dest.<id>.retry} and its tiers {@code .retry.1s} ... {@code .retry.1h},
     * {@code sb.dest.<id>.dlq}); returns the names created. Every one has the same partition count, so
     * a user's requests and retries land on the same partition number (and worker).
     */
    public List<String> createDestinations(Collection<String> destinationIds) {
        return create(destinationIds.stream()
                .<Topic<?, ?>>mapMulti((id, out) -> {
                    out.accept(Topics.destination(id));
                    Topics.retryTopics(id).forEach(out);
                    out.accept(Topics.deadLetter(id));
                })
                .toList());
    }

    private List<String> create(Collection<Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = new ArrayList<>();
            for (Topic<?, ?> t : topics) {
                if (!existing.contains(t.name())) {
                    wanted.add(newTopic(t));
                }
            }
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(wanted).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                    LOG.info("created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(created);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException
                    ? "no answer within 30 s (is Kafka running at " + bootstrapServers + "?)"
                    : String.valueOf(e.getCause() == null ? e : e.getCause());
            throw new IllegalStateException("cannot create topics: " + why, e);
        }
    }

    /**
     * Returns once every partition of {@code topics} has a leader in the broker's metadata. A producer
     * that writes to a partition before that gets a retriable error on its first batch while a later
     * batch succeeds, and an idempotent producer then retries the first with an out-of-order sequence
     * until its delivery timeout (KAFKA-14359): waiting here keeps the roles started right after
     * {@code topics create} (as {@code switchboard dev} does) out of that window.
     */
    private void awaitLeaders(Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> waiting = new ArrayList<>(topics);
        while (!waiting.isEmpty()) {
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(waiting).allTopicNames().get(30, TimeUnit.SECONDS);
                waiting.removeIf(name -> described.get(name).partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + waiting + " have no leader after 30 s");
            }
            Thread.sleep(50);
        }
    }

    private NewTopic newTopic(Topic<?, ?> topic) {
        if (COMPACTED.contains(topic)) {
            // One partition: the whole state is read in order; compacted: the latest per key.
            return new NewTopic(topic.name(), 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        if (topic == Topics.EVENTS && archiveRetention != null) {
            return new NewTopic(topic.name(), partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(archiveRetention.toMillis())));
        }
        return new NewTopic(topic.name(), partitions, replicationFactor);
    }

    @Override
    public void close() {
        admin.close();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What {@code switchboard topics describe} prints: every Switchboard topic ({@code sb.*}, and the
 * router's internal {@code <application-id>-sb-*} topics) with its partitions, replication,
 * retention, cleanup policy, size on disk and end offsets.
 */
final class TopicDescriptions {

    private TopicDescriptions() {}

    static List<TopicAdmin.TopicInfo> describe(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = new TreeSet<>();
        for (String n : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
            if (n.startsWith("sb.") || n.contains("-sb-")) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                .toList();
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.values().forEach(d -> d.partitions()
                .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, r) -> ends.put(tp, r.offset()));
        Map<String, Long> sizes = sizes(admin, descriptions);
        List<TopicAdmin.TopicInfo> out = new ArrayList<>();
        for (String n : names) {
            TopicDescription d = descriptions.get(n);
            Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, n));
            List<Long> endOffsets = d.partitions().stream()
                    .map(p -> ends.getOrDefault(new TopicPartition(n, p.partition()), 0L))
                    .toList();
            out.add(new TopicAdmin.TopicInfo(
                    n,
                    d.partitions().size(),
                    d.partitions().isEmpty()
                            ? 0
                            : d.partitions().get(0).replicas().size(),
                    Long.parseLong(c.get(TopicConfig.RETENTION_MS_CONFIG).value()),
                    c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value(),
                    sizes.getOrDefault(n, 0L),
                    endOffsets));
        }
        return out;
    }

    /** Bytes on disk per topic, every replica counted once per broker. */
    private static Map<String, Long> sizes(Admin admin, Map<String, TopicDescription> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<Integer> brokers = new TreeSet<>();
        topics.values().forEach(d -> d.partitions().forEach(p -> p.replicas().forEach(r -> brokers.add(r.id()))));
        Map<String, Long> sizes = new HashMap<>();
        admin.describeLogDirs(brokers)
                .allDescriptions()
                .get(30, TimeUnit.SECONDS)
                .values()
                .forEach(dirs -> dirs.values().forEach(dir -> dir.replicaInfos().forEach((tp, info) -> {
                    if (topics.containsKey(tp.topic())) {
                        sizes.merge(tp.topic(), info.size(), Long::sum);
                    }
                })));
        return sizes;
    }
}

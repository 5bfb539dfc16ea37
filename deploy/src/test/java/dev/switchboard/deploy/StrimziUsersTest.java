/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.schemas.Topics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege: each KafkaUser's ACLs are exactly the topics, groups and transactional ids its
 * role's code uses, with the operations it needs, named from the code's own constants. That they
 * suffice is proven on a broker that enforces them (the launcher's {@code KafkaSecurityIT}); this
 * test keeps them from growing.
 */
class StrimziUsersTest {

    @Test
    void shouldGrantEachRoleExactlyWhatItsCodeTouchesWhenRendered() {
        String raw = Topics.INGEST_RAW.name();
        String config = Topics.CONFIG.name();
        String events = Topics.EVENTS.name();
        String rejected = Topics.REJECTED.name();
        String outcomes = Topics.DELIVERY_OUTCOMES.name();
        String control = Topics.CONTROL.name();
        String redrives = Topics.REDRIVES.name();
        String replays = Topics.REPLAYS.name();
        String violations = Topics.VIOLATIONS.name();
        String suppressions = Topics.SUPPRESSIONS.name();
        String fields = Topics.FIELDS.name();
        String dest = CodeFacts.destinationTopicPrefix();
        String app = CodeFacts.routerApplicationId();
        String groups = CodeFacts.deliveryGroupPrefix();
        Map<String, Set<String>> expected = Map.of(
                "sb-tracking-api",
                acls(topic(raw, "Describe", "Write"), topic(config, "Describe", "Read")),
                "sb-router",
                acls(
                        topic(raw, "Describe", "Read"),
                        topic(config, "Describe", "Read"),
                        topic(events, "Describe", "Write"),
                        topic(rejected, "Describe", "Write"),
                        topic(violations, "Describe", "Write"),
                        topic(suppressions, "Describe", "Read"),
                        topic(fields, "Describe", "Write"),
                        prefix("topic", dest, "Describe", "Write"),
                        // Kafka Streams' internal topics: the dedupe store's changelog (and repartitions)
                        prefix("topic", app + "-", "Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write"),
                        literal("group", app, "Describe", "Read"),
                        // exactly_once_v2: one transactional id per stream thread, <application id>-...
                        prefix("transactionalId", app + "-", "Describe", "Write")),
                "sb-delivery",
                acls(
                        prefix("topic", dest, "Describe", "Read", "Write"),
                        topic(config, "Describe", "Read"),
                        topic(control, "Describe", "Read"),
                        topic(outcomes, "Describe", "Write"),
                        topic(rejected, "Describe", "Write"),
                        prefix("group", groups, "Describe", "Read")),
                "sb-warehouse",
                acls(
                        topic(events, "Describe", "Read"),
                        topic(config, "Describe", "Read"),
                        prefix("group", CodeFacts.warehouseGroupPrefix(), "Describe", "Read")),
                "sb-jobs",
                acls(
                        topic(raw, "Create", "Describe"),
                        topic(events, "Create", "Describe"),
                        topic(rejected, "Create", "Describe"),
                        topic(violations, "Create", "Describe"),
                        topic(outcomes, "Create", "Describe"),
                        topic(config, "Create", "Describe", "DescribeConfigs", "Read", "Write"),
                        topic(control, "Create", "Describe", "DescribeConfigs"),
                        topic(redrives, "Create", "Describe", "DescribeConfigs"),
                        topic(replays, "Create", "Describe", "DescribeConfigs"),
                        topic(suppressions, "Create", "Describe", "DescribeConfigs"),
                        topic(fields, "Create", "Describe", "DescribeConfigs"),
                        prefix("topic", dest, "Create", "Describe")),
                "sb-operator",
                acls(
                        // topics describe: size on disk (DescribeLogDirs)
                        literal("cluster", "", "Describe"),
                        prefix("topic", "sb.", "Describe", "DescribeConfigs", "Read"),
                        prefix("topic", dest, "Write"),
                        topic(control, "Write"),
                        topic(redrives, "Write"),
                        // suppress add|remove
                        topic(suppressions, "Write"),
                        // dlq redrive: one transactional id per destination, sb-redrive-<id>
                        prefix("transactionalId", CodeFacts.redriveTransactionalIdPrefix(), "Describe", "Write"),
                        // replay: its requests, progress (sb.replays) and mapper rejections in one transaction,
                        // sb-replay-<replay id>
                        topic(replays, "Write"),
                        topic(rejected, "Write"),
                        prefix("transactionalId", CodeFacts.replayTransactionalIdPrefix(), "Describe", "Write"),
                        literal("group", app, "Describe"),
                        prefix("group", groups, "Describe")),
                "sb-keda",
                acls(
                        topic(raw, "Describe"),
                        prefix("topic", dest, "Describe"),
                        literal("group", app, "Describe"),
                        prefix("group", groups, "Describe")));

        Map<String, Set<String>> declared = new java.util.HashMap<>();
        for (JsonNode user : Rendered.of("strimzi").ofKind("KafkaUser")) {
            Set<String> acls = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode r = acl.path("resource");
                acl.path("operations")
                        .forEach(op -> acls.add(r.path("type").asText() + " "
                                + r.path("patternType").asText("literal") + " "
                                + r.path("name").asText() + " " + op.asText()));
                assertThat(acl.path("host").asText("*")).isEqualTo("*");
            }
            declared.put(Rendered.name(user), acls);
        }
        assertThat(declared.keySet()).isEqualTo(expected.keySet());
        expected.forEach((user, acls) -> assertThat(declared.get(user)).as(user).isEqualTo(acls));
    }

    private static Set<String> acls(Set<?>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<?> s : sets) {
            s.forEach(x -> all.add((String) x));
        }
        return all;
    }

    private static Set<String> topic(String name, String... ops) {
        return literal("topic", name, ops);
    }

    private static Set<String> literal(String type, String name, String... ops) {
        Set<String> s = new TreeSet<>();
        for (String op : ops) {
            s.add(type + " literal " + name + " " + op);
        }
        return s;
    }

    private static Set<String> prefix(String type, String name, String... ops) {
        Set<String> s = new TreeSet<>();
        for (String op : ops) {
            s.add(type + " prefix " + name + " " + op);
        }
        return s;
    }
}

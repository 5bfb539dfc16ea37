/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.warehouse.load.WarehouseLoader;
import dev.switchboard.warehouse.testing.Events;
import dev.switchboard.warehouse.testing.WarehouseTestBase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

/**
 * A second loader of the same warehouse joins while the first has a batch being written: the
 * test holds a lock on the target table from its own connection, so the first loader's COPY waits
 * on it for as long as the test wants, and releases it only once the group is rebalancing.
 */
class WarehouseRebalanceIT extends WarehouseTestBase {

    private static final int EVENTS = 3000;

    @Test
    void shouldLoadEveryEventExactlyOnceWhenALoaderJoinsWhileABatchIsBeingWritten() throws Exception {
        String source = newId("web");
        String warehouse = newId("wh");
        // a socket timeout (six times this) far longer than the lock is held: the write waits, it does not fail
        Map<String, String> options = Map.of("switchboard.warehouse.connect-timeout", "20s");
        startDefault(warehouse, fastConfig(options));
        events.send("acme", source, List.of(Events.track("first", "u0", "Played", Map.of("track", "intro"))));
        await().until(() -> count(source + ".played") == 1);

        try (Connection lock = connect();
                Statement s = lock.createStatement();
                Admin admin = Admin.create(adminProperties())) {
            lock.setAutoCommit(false);
            // EXCLUSIVE: SELECT goes on, INSERT and COPY wait
            s.execute("LOCK TABLE " + source + ".tracks, " + source + ".played IN EXCLUSIVE MODE");
            List<ObjectNode> batch = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                batch.add(Events.track("m-" + i, "u" + (i % 97), "Played", Map.of("track", "t" + i)));
            }
            events.send("acme", source, batch);
            await().until(() -> loaderWaitsOnALock() == 1);

            startDefault(warehouse, fastConfig(options));
            String group = WarehouseLoader.GROUP_PREFIX + warehouse;
            await().until(() -> rebalancing(admin, group));
            assertThat(count(source + ".played"))
                    .as("the batch is still being written")
                    .isEqualTo(1);
            lock.rollback();

            await().until(() -> count(source + ".played") >= EVENTS + 1 && count(source + ".tracks") >= EVENTS + 1);
            await().until(() -> admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get()
                            .get(group)
                            .groupState()
                    == GroupState.STABLE);
        }
        // after the rebalance, both loaders load what comes
        List<ObjectNode> later = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            later.add(Events.track("later-" + i, "u" + i, "Played", Map.of("track", "l" + i)));
        }
        events.send("acme", source, later);
        int all = 1 + EVENTS + later.size();
        await().until(() -> count(source + ".played") == all && count(source + ".tracks") == all);

        for (String table : List.of("tracks", "played")) {
            assertThat(query(
                            "SELECT count(*) AS n, count(DISTINCT id) AS ids, count(*) FILTER (WHERE id LIKE 'm-%') AS m"
                                    + ", count(DISTINCT CASE WHEN id LIKE 'm-%' THEN substring(id FROM 3)::int END) AS mids"
                                    + ", min(CASE WHEN id LIKE 'm-%' THEN substring(id FROM 3)::int END) AS lo"
                                    + ", max(CASE WHEN id LIKE 'm-%' THEN substring(id FROM 3)::int END) AS hi FROM "
                                    + source
                                    + "." + table))
                    .as("%s: every event exactly once, none missing", table)
                    .containsExactly(Map.of(
                            "n", String.valueOf(all),
                            "ids", String.valueOf(all),
                            "m", String.valueOf(EVENTS),
                            "mids", String.valueOf(EVENTS),
                            "lo", "0",
                            "hi", String.valueOf(EVENTS - 1)));
        }
        assertThat(query("SELECT count(DISTINCT id) AS n FROM " + source + ".played WHERE id LIKE 'later-%'"))
                .containsExactly(Map.of("n", "200"));
    }

    /** How many of the loaders' connections wait for a lock. */
    private static long loaderWaitsOnALock() {
        return Long.parseLong(query("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name ="
                        + " 'switchboard-warehouse' AND wait_event_type = 'Lock'")
                .get(0)
                .get("n"));
    }

    private static boolean rebalancing(Admin admin, String group) throws Exception {
        GroupState state = admin.describeConsumerGroups(List.of(group))
                .all()
                .get()
                .get(group)
                .groupState();
        return state == GroupState.PREPARING_REBALANCE || state == GroupState.COMPLETING_REBALANCE;
    }

    private static Properties adminProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return p;
    }
}

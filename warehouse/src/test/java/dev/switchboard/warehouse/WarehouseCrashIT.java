/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.load.Target;
import dev.switchboard.warehouse.schema.TableRows;
import dev.switchboard.warehouse.testing.Events;
import dev.switchboard.warehouse.testing.WarehouseChild;
import dev.switchboard.warehouse.testing.WarehouseTestBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A loader that dies mid-stream, restarted: every event is in the warehouse once, none twice, none
 * missing. Once at the worst moment (the warehouse committed, the offsets not), once as a child
 * JVM killed with SIGKILL wherever it is.
 */
class WarehouseCrashIT extends WarehouseTestBase {

    private static final int EVENTS = 3000;

    /** Dies, as a JVM would, right after the warehouse committed its second batch of one schema. */
    private static final class DiesAfterCommit implements Warehouse {
        private final Warehouse real;
        private final String schema;
        private final AtomicInteger loads = new AtomicInteger();

        DiesAfterCommit(Warehouse real, String schema) {
            this.real = real;
            this.schema = schema;
        }

        @Override
        public void load(TableRows batch) throws WarehouseException {
            real.load(batch);
            boolean ours =
                    batch.groups().stream().anyMatch(g -> g.table().schema().equals(schema));
            if (ours && loads.incrementAndGet() == 2) {
                throw new ThreadDeath(); // the loader's thread ends here: no offset commit follows
            }
        }

        @Override
        public boolean reachable() {
            return real.reachable();
        }

        @Override
        public String describe() {
            return real.describe();
        }

        @Override
        public int maxIdentifierBytes() {
            return real.maxIdentifierBytes();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    @Test
    void shouldLeaveNoDuplicateAndNoGapWhenALoaderDiesBetweenTheWarehouseCommitAndTheOffsetCommit() {
        String source = newId("web");
        String warehouse = newId("wh");
        LoaderConfig config = fastConfig(Map.of("switchboard.warehouse.batch.rows", "500"));
        Target target = new Target(warehouse, null, null, postgres.url(), null, null);
        WarehouseApp dying = track(new WarehouseApp(
                        config,
                        kafka.bootstrapServers(),
                        null,
                        target,
                        registry,
                        t -> new DiesAfterCommit(WarehouseApp.postgres(config, t), source)))
                .start();
        events.send("acme", source, events(0, EVENTS));
        await().until(() -> !dying.healthy());
        long before = count(source + ".tracks");
        assertThat(before)
                .as("the two committed batches are in the warehouse")
                .isGreaterThan(0)
                .isLessThan(EVENTS);

        startDefault(warehouse, config);

        await().until(() -> count(source + ".tracks") == EVENTS && count(source + ".clicked") == EVENTS);
        assertNoDuplicateAndNoGap(source);
    }

    @Test
    void shouldLeaveNoDuplicateAndNoGapWhenTheLoaderProcessIsKilled() throws Exception {
        String source = newId("web");
        String warehouse = newId("wh");
        events.send("acme", source, events(0, EVENTS));
        // A short session: the restarted loader need not wait 45 s for the group to drop the dead one.
        Process child = startChild(
                warehouse,
                "switchboard.warehouse.batch.rows=200",
                "kafka.consumer.session.timeout.ms=6000",
                "kafka.consumer.heartbeat.interval.ms=1000");
        try {
            await().until(() -> count(source + ".tracks") >= 400);
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no flush, no commit, no goodbye
        }
        long atKill = count(source + ".tracks");
        events.send("acme", source, events(EVENTS, 2 * EVENTS));

        startDefault(warehouse, fastConfig(Map.of()));

        await().until(() -> count(source + ".tracks") == 2 * EVENTS);
        assertThat(atKill).isLessThan(2L * EVENTS);
        assertNoDuplicateAndNoGap(source);
    }

    private static void assertNoDuplicateAndNoGap(String source) {
        for (String table : List.of("tracks", "clicked")) {
            List<Map<String, String>> r =
                    query("SELECT count(*) AS n, count(DISTINCT id) AS ids, min(substring(id, 3)::int) AS lo,"
                            + " max(substring(id, 3)::int) AS hi FROM " + source + "." + table);
            long n = Long.parseLong(r.get(0).get("n"));
            assertThat(r.get(0).get("ids")).isEqualTo(String.valueOf(n));
            assertThat(Long.parseLong(r.get(0).get("hi"))
                            - Long.parseLong(r.get(0).get("lo"))
                            + 1)
                    .as("ids from lo to hi, none missing")
                    .isEqualTo(n);
        }
        assertThat(count(source + ".users")).as("one row per user").isEqualTo(50);
    }

    private static List<ObjectNode> events(int from, int to) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(Events.track("m-" + i, "u" + (i % 50), "Clicked", Map.of("n", i)));
            if (i < 50 || i % 60 == 0) {
                out.add(Events.call("identify", "i-" + i, "u" + (i % 50), Map.of("traits", Map.of("n", i))));
            }
        }
        return out;
    }

    private static Process startChild(String warehouse, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                WarehouseChild.class.getName(),
                kafka.bootstrapServers(),
                warehouse,
                postgres.url(),
                "switchboard.warehouse.batch.linger=100ms"));
        cmd.addAll(List.of(options));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}

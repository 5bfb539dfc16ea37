/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.warehouse;

import ch.qos.logback.classic.Level;
import dev.switchboard.bench.broker.BenchBroker;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.warehouse.LoaderConfig;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.postgres.EmbeddedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.LoggerFactory;

/**
 * Warehouse loading throughput, bounded in count and time, on 127.0.0.1 only: rows per second the
 * real loader ({@link WarehouseApp}: consume {@code sb.events}, flatten, plan the schema, COPY into
 * staging, insert the new ids, commit, commit offsets) puts into an embedded PostgreSQL, against a
 * raw {@code COPY ... FROM STDIN} (PgJDBC's CopyManager) of the very same rows into tables of the
 * same shape (primary key included) in the same server, measured in the same run.
 *
 * <p>The rounds: a warm-up load (JIT, the group's first join); the measured load, started with the
 * events already on {@code sb.events} and timed from the loader's start to its last commit; the
 * measured tables dumped ({@code COPY TO STDOUT}, not timed) and copied raw twice into fresh tables.
 * Usage: {@code WarehouseBench [events] [forked|in-process]} (default 100000, forked).
 * {@code -Dbench.jfr=file.jfr} records the measured load with JDK Flight Recorder.
 */
public final class WarehouseBench {

    private static final long LIMIT_MILLIS = 120_000;

    private WarehouseBench() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String where = args.length > 1 ? args[1] : "forked";
        Path dir = Files.createTempDirectory("switchboard-wh-bench-");
        try (BenchBroker broker = BenchBroker.start(where);
                EmbeddedPostgres pg =
                        EmbeddedPostgres.create(dir.resolve("data"), 0).start();
                BenchEvents events = new BenchEvents(broker.bootstrapServers())) {
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), 2, (short) 1)) {
                admin.createCore();
            }
            int warm = Math.max(1_000, n / 5);
            events.send("warm", warm);
            load(broker.bootstrapServers(), pg, warm, false);

            long produced = System.nanoTime();
            events.send("web", n);
            System.out.printf(
                    "%nevents: %,d (%d event names, %d properties each; every 10th an identify), produced in %.1f s%n",
                    n, BenchEvents.EVENT_NAMES, BenchEvents.PROPERTIES, (System.nanoTime() - produced) / 1e9);
            Load loaded = load(broker.bootstrapServers(), pg, n, true);

            Map<String, byte[]> dump = dump(pg, "web");
            long rows = 0;
            long bytes = 0;
            for (byte[] b : dump.values()) {
                bytes += b.length;
                for (byte x : b) {
                    rows += x == '\n' ? 1 : 0;
                }
            }
            double raw1 = rawCopy(pg, "web", "raw_1", dump, rows);
            double raw2 = rawCopy(pg, "web", "raw_2", dump, rows);
            double raw = Math.max(raw1, raw2);
            double loader = rows / loaded.seconds;
            double steady = (rows - loaded.firstBatchRows(rows, n)) / loaded.steadySeconds;
            System.out.printf("rows: %,d in %d tables (%,.1f MB of COPY text)%n", rows, dump.size(), bytes / 1e6);
            System.out.printf("raw COPY FROM STDIN, round 1           %,9.0f rows/s%n", raw1);
            System.out.printf("raw COPY FROM STDIN, round 2           %,9.0f rows/s%n", raw2);
            System.out.printf(
                    "loader, start to last commit          %,9.0f rows/s   ratio to raw %.2f   (%.2f s)%n",
                    loader, loader / raw, loaded.seconds);
            System.out.printf(
                    "loader, after its first batch          %,9.0f rows/s   ratio to raw %.2f%n", steady, steady / raw);
            System.out.printf(
                    "  of which the warehouse wrote %d batches in %.2f s (PostgresWarehouse.load)%n",
                    loaded.batches, loaded.writeSeconds);
        } finally {
            EmbeddedKafka.deleteRecursively(dir);
        }
    }

    /** The measured load: wall time from the start to the last commit, and from the first commit. */
    private record Load(double seconds, double steadySeconds, long firstEvents, long batches, double writeSeconds) {
        long firstBatchRows(long rows, int events) {
            return Math.round((double) rows * firstEvents / events);
        }
    }

    /** Starts a loader (group sb-warehouse-bench), waits until {@code events} more are committed. */
    private static Load load(String bootstrap, EmbeddedPostgres pg, int events, boolean measured) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LoaderConfig config = LoaderConfig.from(Map.of("switchboard.warehouse.batch.linger", "200ms"));
        WarehouseApp app = new WarehouseApp(
                config,
                bootstrap,
                null,
                new dev.switchboard.warehouse.load.Target("bench", null, null, pg.url(), null, null),
                registry);
        Recording recording = null;
        String jfr = System.getProperty("bench.jfr");
        if (measured && jfr != null) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(jfr));
            recording.start();
        }
        long start = System.nanoTime();
        long first = 0;
        long firstEvents = 0;
        try (app) {
            app.start();
            while (true) {
                double done = registry.counter("switchboard.warehouse.rows.loaded", "warehouse", "bench")
                        .count();
                long now = System.nanoTime();
                if (done > 0 && first == 0) {
                    first = now;
                    firstEvents = (long) done;
                }
                if (done >= events) {
                    io.micrometer.core.instrument.Timer writes =
                            registry.timer("switchboard.warehouse.load.time", "warehouse", "bench");
                    return new Load(
                            (now - start) / 1e9,
                            (now - first) / 1e9,
                            firstEvents,
                            writes.count(),
                            writes.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9);
                }
                if ((now - start) / 1_000_000 > LIMIT_MILLIS) {
                    throw new IllegalStateException("loaded " + done + " of " + events + " events in time");
                }
                Thread.sleep(5);
            }
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
    }

    /** Every table of {@code schema} as COPY text, as the server writes it. */
    private static Map<String, byte[]> dump(EmbeddedPostgres pg, String schema) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Connection c = connect(pg)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables(c, schema)) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                copy.copyOut("COPY " + schema + "." + table + " TO STDOUT", b);
                out.put(table, b.toByteArray());
            }
        }
        return out;
    }

    /** The floor: the dumped rows COPY'd into fresh tables like the loader's, in one transaction. */
    private static double rawCopy(EmbeddedPostgres pg, String from, String into, Map<String, byte[]> dump, long rows)
            throws Exception {
        try (Connection c = connect(pg)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + into);
                for (String table : dump.keySet()) {
                    s.execute(
                            "CREATE TABLE " + into + "." + table + " (LIKE " + from + "." + table + " INCLUDING ALL)");
                }
            }
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            long copied = 0;
            for (Map.Entry<String, byte[]> e : dump.entrySet()) {
                copied += copy.copyIn(
                        "COPY " + into + "." + e.getKey() + " FROM STDIN", new ByteArrayInputStream(e.getValue()));
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("raw COPY wrote " + copied + " rows, expected " + rows);
            }
            return rows / seconds;
        }
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + schema + "' ORDER BY table_name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Connection connect(EmbeddedPostgres pg) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres", "postgres", "");
    }
}

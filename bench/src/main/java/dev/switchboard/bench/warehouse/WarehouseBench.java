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
import java.util.concurrent.TimeUnit;
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
 * <p>The run: {@code 2 × events} calls of source {@code warm} and then {@code events} of source
 * {@code web} are produced first (so that during the load this JVM only loads, as a loader's JVM
 * does, and the JIT's profiles are the loader's); one loader is started on that backlog. Its cold
 * figure is the warm-up's rows from its start to the commit of the warm-up's events (a new JVM:
 * JIT, the group's first join); its running figure, the one compared to the floor, is the events
 * committed after that until the last, at the rows per event of {@code web}, as a loader that runs
 * for hours loads. The {@code web} tables are then dumped ({@code COPY TO STDOUT}, not timed) and
 * copied raw twice into fresh tables. Usage: {@code WarehouseBench [events] [forked|in-process]}
 * (default 100000, forked); {@code -Dbench.warm=N} sets the warm-up's events, {@code -Dbench.rows}
 * the loader's {@code batch.rows} (default: the loader's); {@code -Dbench.jfr=file.jfr} records the running part with JDK
 * Flight Recorder.
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
            int warm = Integer.getInteger("bench.warm", 2 * n);
            long produced = System.nanoTime();
            events.send("warm", warm);
            events.send("web", n);
            System.out.printf(
                    "%nevents: %,d to warm up, then the %,d measured (%d event names, %d properties each; every 10th"
                            + " an identify), produced in %.1f s%n",
                    warm, n, BenchEvents.EVENT_NAMES, BenchEvents.PROPERTIES, (System.nanoTime() - produced) / 1e9);
            Load loaded = load(broker.bootstrapServers(), pg, warm, n);

            Map<String, byte[]> dump = dump(pg, "web");
            long rows = 0;
            long bytes = 0;
            for (byte[] b : dump.values()) {
                bytes += b.length;
                for (byte x : b) {
                    rows += x == '\n' ? 1 : 0;
                }
            }
            long warmRows = count(pg, "warm");
            double raw1 = rawCopy(pg, "web", "raw_1", dump, rows);
            double raw2 = rawCopy(pg, "web", "raw_2", dump, rows);
            double raw = Math.max(raw1, raw2);
            double cold = warmRows / loaded.coldSeconds;
            double steady = (double) rows / n * loaded.steadyEvents / loaded.steadySeconds;
            System.out.printf("rows: %,d in %d tables (%,.1f MB of COPY text)%n", rows, dump.size(), bytes / 1e6);
            System.out.printf("raw COPY FROM STDIN, round 1           %,9.0f rows/s%n", raw1);
            System.out.printf("raw COPY FROM STDIN, round 2           %,9.0f rows/s%n", raw2);
            System.out.printf(
                    "loader, running (the measured events)   %,9.0f rows/s   ratio to raw %.2f   (%,d events in %.2f s)%n",
                    steady, steady / raw, loaded.steadyEvents, loaded.steadySeconds);
            System.out.printf(
                    "  of which the warehouse wrote %d batches in %.2f s (PostgresWarehouse.load)%n",
                    loaded.batches, loaded.writeSeconds);
            System.out.printf(
                    "loader, cold (start to the warm-up's end) %,7.0f rows/s   ratio to raw %.2f   (%,d rows in %.2f s:"
                            + " a new JVM, JIT and group join included)%n",
                    cold, cold / raw, warmRows, loaded.coldSeconds);
        } finally {
            EmbeddedKafka.deleteRecursively(dir);
        }
    }

    /**
     * The load: the warm-up's wall time from the start until its events were committed (cold), and
     * the events committed after that and how long they took (running).
     */
    private record Load(
            double coldSeconds, long steadyEvents, double steadySeconds, long batches, double writeSeconds) {}

    /**
     * Starts one loader (group sb-warehouse-bench) on the backlog: {@code warm} events, then
     * {@code measured} more; the running figures are taken from the first count at or past {@code
     * warm} to the last commit (a batch that straddles the two counts as warm-up).
     */
    private static Load load(String bootstrap, EmbeddedPostgres pg, int warm, int measured) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, String> options = new LinkedHashMap<>(Map.of("switchboard.warehouse.batch.linger", "200ms"));
        String rows = System.getProperty("bench.rows");
        if (rows != null) {
            options.put("switchboard.warehouse.batch.rows", rows); // else the loader's default
        }
        LoaderConfig config = LoaderConfig.from(options);
        WarehouseApp app = new WarehouseApp(
                config,
                bootstrap,
                null,
                new dev.switchboard.warehouse.load.Target("bench", null, null, pg.url(), null, null),
                registry);
        io.micrometer.core.instrument.Timer writes =
                registry.timer("switchboard.warehouse.load.time", "warehouse", "bench");
        String jfr = System.getProperty("bench.jfr");
        Recording recording = null;
        Cpu cpu = null;
        long start = System.nanoTime();
        long warmed = 0;
        long warmedCount = 0;
        long warmedBatches = 0;
        double warmedWrites = 0;
        try (app) {
            app.start();
            while (true) {
                long done = (long) registry.counter("switchboard.warehouse.rows.loaded", "warehouse", "bench")
                        .count();
                long now = System.nanoTime();
                if (warmed == 0 && done >= warm) {
                    warmed = now;
                    warmedCount = done;
                    warmedBatches = writes.count();
                    warmedWrites = writes.totalTime(TimeUnit.NANOSECONDS) / 1e9;
                    cpu = Cpu.now();
                    System.out.printf("warm-up loaded in %.1f s; the running figures from here%n", (now - start) / 1e9);
                    if (jfr != null) {
                        recording = new Recording(Configuration.getConfiguration("profile"));
                        recording.setDestination(Path.of(jfr));
                        recording.start();
                    }
                }
                if (done >= warm + measured) {
                    Cpu.now().printSince(cpu, (now - warmed) / 1e9);
                    return new Load(
                            (warmed - start) / 1e9,
                            done - warmedCount,
                            (now - warmed) / 1e9,
                            writes.count() - warmedBatches,
                            writes.totalTime(TimeUnit.NANOSECONDS) / 1e9 - warmedWrites);
                }
                if ((now - start) / 1_000_000 > LIMIT_MILLIS) {
                    throw new IllegalStateException("loaded " + done + " of " + (warm + measured) + " events in time");
                }
                Thread.sleep(5);
            }
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
    }

    /** How many rows the tables of {@code schema} hold. */
    private static long count(EmbeddedPostgres pg, String schema) throws SQLException {
        long rows = 0;
        try (Connection c = connect(pg);
                Statement s = c.createStatement()) {
            for (String table : tables(c, schema)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
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

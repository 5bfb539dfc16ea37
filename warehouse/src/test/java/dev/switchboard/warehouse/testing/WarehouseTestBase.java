/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.testing;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.warehouse.LoaderConfig;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.load.Target;
import dev.switchboard.warehouse.postgres.EmbeddedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One embedded broker (core topics, two partitions of {@code sb.events}) and one embedded
 * PostgreSQL per test class; apps closed after each test. Each test uses sources and warehouse ids
 * of its own, so tests share the servers without seeing each other's rows or offsets.
 */
public abstract class WarehouseTestBase {

    private static final AtomicInteger IDS = new AtomicInteger();

    protected static EmbeddedKafka kafka;
    protected static EmbeddedPostgres postgres;
    protected static Events events;
    private static Path pgDir;

    protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void startServers() throws IOException {
        pgDir = Files.createTempDirectory("switchboard-pg-");
        // In parallel: each takes seconds.
        Thread pg = new Thread(() ->
                postgres = EmbeddedPostgres.create(pgDir.resolve("data"), 0).start());
        pg.start();
        kafka = EmbeddedKafka.temporary().start();
        try (TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), 2, (short) 1)) {
            admin.createCore();
        }
        events = new Events(kafka.bootstrapServers());
        try {
            pg.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stopServers() {
        events.close();
        kafka.close();
        postgres.close();
        EmbeddedKafka.deleteRecursively(pgDir);
    }

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
        resources.clear();
    }

    /** An id no other test of this class uses (a source, a warehouse). */
    protected static String newId(String prefix) {
        return prefix + "_" + IDS.incrementAndGet();
    }

    /** Options with small batches, short linger and backoff in milliseconds. */
    protected static LoaderConfig fastConfig(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>();
        p.put("switchboard.warehouse.batch.linger", "100ms");
        p.put("switchboard.warehouse.backoff.base", "100ms");
        p.put("switchboard.warehouse.backoff.max", "500ms");
        p.put("switchboard.warehouse.connect-timeout", "2s");
        p.put("switchboard.warehouse.shutdown-timeout", "5s");
        p.putAll(extra);
        return LoaderConfig.from(p);
    }

    /** A loader of every source into the embedded PostgreSQL, as {@code --warehouse-url} starts it. */
    protected WarehouseApp startDefault(String warehouseId, LoaderConfig config) {
        Target target = new Target(warehouseId, null, null, postgres.url(), null, null);
        return track(new WarehouseApp(config, kafka.bootstrapServers(), null, target, registry))
                .start();
    }

    protected <T extends AutoCloseable> T track(T resource) {
        resources.add(0, resource);
        return resource;
    }

    protected static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres", "postgres", "");
    }

    /** Every row of a query, as column → value (text). */
    protected static List<Map<String, String>> query(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return List.of(); // the table is not there yet
            }
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The number of rows of a table; 0 while it does not exist. */
    protected static long count(String table) {
        List<Map<String, String>> r = query("SELECT count(*) AS n FROM " + table);
        return r.isEmpty() ? 0 : Long.parseLong(r.get(0).get("n"));
    }

    /** A table's columns and their types, as information_schema has them. */
    protected static Map<String, String> columns(String schema, String table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> r :
                query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '" + schema
                        + "' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            out.put(r.get("column_name"), r.get("data_type"));
        }
        return out;
    }

    protected static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }
}

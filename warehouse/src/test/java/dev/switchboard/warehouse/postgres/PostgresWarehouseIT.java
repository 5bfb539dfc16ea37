/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.warehouse.schema.FlatRow;
import dev.switchboard.warehouse.schema.Flattener;
import dev.switchboard.warehouse.schema.Names;
import dev.switchboard.warehouse.schema.SchemaPlanner;
import dev.switchboard.warehouse.schema.TableRows;
import dev.switchboard.warehouse.testing.Events;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresWarehouse} against a real server: a batch that meets ids its tables hold adds only
 * the new ones; {@link PostgresWarehouse#prepare}: a batch checked and encoded ahead loads the very
 * rows a load without it writes, and a prepared batch that changed since (rows added, a schema
 * grown by the batch loaded in between) is checked again, never written from the stale work.
 */
class PostgresWarehouseIT {

    private static EmbeddedPostgres postgres;
    private static Path dir;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("switchboard-pg-prepare-");
        postgres = EmbeddedPostgres.create(dir.resolve("data"), 0).start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
        EmbeddedKafka.deleteRecursively(dir);
    }

    @Test
    void shouldAddOnlyTheNewIdsWhenABatchMeetsIdsItsTablesHold() throws Exception {
        try (PostgresWarehouse w = warehouse()) {
            w.load(batch("again", 0, 30, true));
            w.load(batch("again", 20, 30, true)); // 20 to 29 are in: the direct COPY fails, then staged
            w.load(batch("again", 50, 10, false)); // staged again (the last batch met ids), then direct
            w.load(batch("again", 60, 10, false));

            assertThat(count("again.order_completed")).isEqualTo(65);
            assertThat(count("again.tracks")).isEqualTo(65);
            assertThat(count("again.identifies")).isEqualTo(5);
            assertThat(rows("again.tracks")).doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldWriteTheSameRowsWhenTheBatchWasPreparedAhead() throws Exception {
        try (PostgresWarehouse ahead = warehouse();
                PostgresWarehouse plain = warehouse()) {
            ahead.load(batch("prepared", 0, 1, false));
            plain.load(batch("plain", 0, 1, false));
            TableRows next = batch("prepared", 1, 50, true);
            ahead.prepare(next);
            ahead.load(next);
            plain.load(batch("plain", 1, 50, true));

            for (String table : List.of("tracks", "order_completed", "identifies", "users")) {
                assertThat(rows("prepared." + table))
                        .as(table)
                        .hasSize(table.equals("users") || table.equals("identifies") ? 5 : 46)
                        .isEqualTo(rows("plain." + table));
            }
        }
    }

    @Test
    void shouldLoadEveryRowWhenRowsWereAddedAfterThePrepare() throws Exception {
        try (PostgresWarehouse w = warehouse()) {
            w.load(batch("added", 0, 1, false));
            TableRows next = batch("added", 1, 20, false);
            w.prepare(next);
            rows("added", track(99, Map.of("sku", "late", "price", 1))).forEach(next::add);
            w.load(next);

            assertThat(count("added.order_completed")).isEqualTo(22);
            assertThat(count("added.tracks")).isEqualTo(22);
            assertThat(rows("added.order_completed"))
                    .anySatisfy(r -> assertThat(r).contains("late"));
        }
    }

    @Test
    void shouldCheckAgainWhenTheSchemaGrewAfterThePrepare() throws Exception {
        try (PostgresWarehouse w = warehouse()) {
            w.load(batch("grown", 0, 1, false));
            TableRows next = batch("grown", 1, 10, false);
            w.prepare(next);
            TableRows between = new TableRows();
            rows("grown", track(500, Map.of("sku", "x", "price", 2, "coupon", "SAVE")))
                    .forEach(between::add);
            w.load(between); // adds the column coupon
            w.load(next);

            assertThat(count("grown.order_completed")).isEqualTo(12);
            assertThat(rows("grown.order_completed WHERE coupon IS NOT NULL")).hasSize(1);
        }
    }

    private static PostgresWarehouse warehouse() {
        return new PostgresWarehouse(
                PostgresUrl.parse(postgres.url(), null, null), new SchemaPlanner(1000), Duration.ofSeconds(5));
    }

    /** Events {@code from} to {@code from + n}: tracks of Order Completed, every tenth an identify. */
    private static TableRows batch(String source, int from, int n, boolean identifies) throws IOException {
        TableRows batch = new TableRows();
        for (int i = from; i < from + n; i++) {
            ObjectNode call = identifies && i % 10 == 0
                    ? Events.call("identify", "m" + i, "u" + i / 10, Map.of("traits", Map.of("plan", "pro", "n", i)))
                    : track(i, Map.of("sku", "s" + i, "price", i * 1.5, "cart", Map.of("items", i)));
            rows(source, call).forEach(batch::add);
        }
        return batch;
    }

    private static ObjectNode track(int i, Map<String, ?> properties) {
        return Events.track("m" + i, "u" + i % 10, "Order Completed", properties);
    }

    /** The rows of {@code call} from {@code source}, its times the same in every schema. */
    private static List<FlatRow> rows(String source, ObjectNode call) throws IOException {
        for (String at : List.of("receivedAt", "sentAt", "timestamp", "originalTimestamp")) {
            call.put(at, "2026-12-06T10:00:00.000Z");
        }
        Flattener flattener = new Flattener(new Names(PostgresWarehouse.MAX_IDENTIFIER_BYTES));
        return flattener.rows(source, flattener.read(call.toString()));
    }

    /** A table's rows as text, the load time left out, in id order. */
    private static List<String> rows(String tableAndWhere) throws SQLException {
        String table = tableAndWhere.split(" ")[0];
        String where = tableAndWhere.substring(table.length());
        List<String> out = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + where + " ORDER BY id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String name = rs.getMetaData().getColumnName(i);
                    if (!name.equals("uuid_ts")) {
                        row.append(name).append('=').append(rs.getString(i)).append(' ');
                    }
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static long count(String table) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres", "postgres", "");
    }
}

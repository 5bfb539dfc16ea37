/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.warehouse.testing.DbtModels;
import dev.switchboard.warehouse.testing.DocsSql;
import dev.switchboard.warehouse.testing.Events;
import dev.switchboard.warehouse.testing.WarehouseTestBase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What docs/warehouse.md and examples/warehouse-dbt tell users to run, run against a real load
 * of every call type: each {@code ```sql} statement of the page, and each dbt-style model
 * (rendered by {@link DbtModels}, created as a view), must run and return rows.
 */
class WarehouseDocsIT extends WarehouseTestBase {

    private static final Path DOCS = Path.of("..", "docs", "warehouse.md");
    private static final Path MODELS = Path.of("..", "examples", "warehouse-dbt", "models");
    private static final Instant DAY = Instant.parse("2026-11-02T12:00:00Z");
    private static boolean loaded;

    @Test
    void shouldReturnRowsForEveryQueryOfTheDocsWhenEveryCallTypeIsLoaded() {
        load();
        List<String> statements = DocsSql.statements(DOCS);
        assertThat(statements).as("the page's queries").hasSizeGreaterThanOrEqualTo(8);
        for (String sql : statements) {
            assertThat(rows(sql)).as(sql).isNotEmpty();
        }
    }

    @Test
    void shouldRunEveryDbtModelAsAViewWhenRenderedAgainstTheLoadedSchema() throws SQLException {
        load();
        List<DbtModels.Model> models = DbtModels.inOrder(MODELS);
        assertThat(models)
                .extracting(DbtModels.Model::name)
                .contains(
                        "pageviews_by_day",
                        "sessions",
                        "sessions_by_day",
                        "identifies_to_users",
                        "users_latest_traits",
                        "tracks_by_event_by_day",
                        "order_completed_revenue");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS analytics");
            for (DbtModels.Model m : models) {
                s.execute("CREATE OR REPLACE VIEW analytics." + m.name() + " AS " + m.render("analytics"));
            }
        }
        for (DbtModels.Model m : models) {
            assertThat(rows("SELECT * FROM analytics." + m.name())).as(m.name()).isNotEmpty();
        }

        assertThat(rows("SELECT currency, orders, buyers, revenue FROM analytics.order_completed_revenue"))
                .containsExactly(Map.of("currency", "EUR", "orders", "2", "buyers", "2", "revenue", "52.75"));
        assertThat(rows("SELECT day, pageviews, visitors FROM analytics.pageviews_by_day"))
                .containsExactly(Map.of("day", "2026-11-02", "pageviews", "3", "visitors", "1"));
        assertThat(rows("SELECT session_id, events FROM analytics.sessions WHERE anonymous_id = 'a1' ORDER BY 1"))
                .as("two pages five minutes apart, a third two hours later")
                .containsExactly(
                        Map.of("session_id", "a1-1", "events", "2"), Map.of("session_id", "a1-2", "events", "1"));
        assertThat(rows("SELECT user_id, email, anonymous_ids FROM analytics.users_latest_traits ORDER BY 1"))
                .containsExactly(
                        Map.of("user_id", "u1", "email", "ada@example.com", "anonymous_ids", "2"),
                        Map.of("user_id", "u2", "email", "bob@example.com", "anonymous_ids", "1"));
        assertThat(rows("SELECT event, event_text, tracks FROM analytics.tracks_by_event_by_day"))
                .containsExactly(Map.of("event", "order_completed", "event_text", "Order Completed", "tracks", "2"));
    }

    // revenue 10.25, not 10: whichever order comes first fixes the column's type (10 would make it bigint)
    /**
     * Every call type into the sources {@code web} and {@code backend}, and into {@code governance} a
     * {@code Violation Generated} call as a tracking plan's forwardViolations sends it, once per class.
     */
    private void load() {
        if (loaded) {
            return;
        }
        startDefault(newId("wh"), fastConfig(Map.of()));
        List<ObjectNode> web = new ArrayList<>();
        web.add(page("p-1", "Home", "/", Duration.ZERO));
        web.add(page("p-2", "Pricing", "/pricing", Duration.ofMinutes(5)));
        web.add(page("p-3", "Docs", "/docs", Duration.ofHours(2)));
        web.add(at(
                Events.track(
                        "o-1", "u1", "Order Completed", Map.of("order_id", "1", "revenue", 42.5, "currency", "EUR")),
                Duration.ofMinutes(6)));
        web.add(at(
                Events.track(
                        "o-2", "u2", "Order Completed", Map.of("order_id", "2", "revenue", 10.25, "currency", "EUR")),
                Duration.ofMinutes(7)));
        web.add(identify("i-1", "u1", "a1", "Ada", Duration.ofMinutes(1)));
        web.add(identify("i-2", "u2", "b1", "Bob", Duration.ofMinutes(2)));
        web.add(at(
                Events.call("group", "g-1", "u1", Map.of("groupId", "acme-inc", "traits", Map.of("plan", "pro"))),
                Duration.ofMinutes(3)));
        web.add(at(Events.call("alias", "al-1", "u1", Map.of("previousId", "a0")), Duration.ofMinutes(4)));
        events.send("acme", "web", web);
        events.send(
                "acme",
                "backend",
                List.of(Events.call(
                        "screen", "s-1", "u1", Map.of("name", "Home", "properties", Map.of("variant", "b")))));
        events.send(
                "acme",
                "governance",
                List.of(Events.track(
                        "sch-1",
                        "schema-violations",
                        "Violation Generated",
                        Map.of(
                                "eventMessageID", "o-1",
                                "eventName", "Order Completed",
                                "eventType", "track",
                                "sourceID", "web",
                                "violationType", "Type Mismatch",
                                "violationField", "properties.revenue",
                                "violationDescription", "properties.revenue must be a number"))));

        await().until(() -> count("web.pages") == 3
                && count("web.tracks") == 2
                && count("web.order_completed") == 2
                && count("web.identifies") == 2
                && count("web.users") == 2
                && count("web.groups") == 1
                && count("web.aliases") == 1
                && count("backend.screens") == 1
                && count("governance.violation_generated") == 1);
        loaded = true;
    }

    /** A page of visitor {@code a1} (user {@code u1}), titled as named. */
    private static ObjectNode page(String id, String name, String path, Duration after) {
        return at(
                Events.call(
                        "page",
                        id,
                        "u1",
                        Map.of("anonymousId", "a1", "name", name, "properties", Map.of("path", path, "title", name))),
                after);
    }

    /** An identify of {@code userId} from {@code anonymousId}, with {@code name} and an email made of it. */
    private static ObjectNode identify(String id, String userId, String anonymousId, String name, Duration after) {
        Map<String, String> traits =
                Map.of("email", name.toLowerCase(java.util.Locale.ROOT) + "@example.com", "name", name);
        return at(Events.call("identify", id, userId, Map.of("anonymousId", anonymousId, "traits", traits)), after);
    }

    /** The event with its timestamps {@code after} {@link #DAY}. */
    private static ObjectNode at(ObjectNode event, Duration after) {
        String t = DAY.plus(after).toString();
        event.put("timestamp", t);
        event.put("originalTimestamp", t);
        return event;
    }

    /** Every row of {@code sql}; an error fails the test (unlike {@link #query}, a missing table too). */
    private static List<Map<String, String>> rows(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.executeQuery(sql).close(); // throws on an error, which query() would take for "not there yet"
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
        return query(sql);
    }
}

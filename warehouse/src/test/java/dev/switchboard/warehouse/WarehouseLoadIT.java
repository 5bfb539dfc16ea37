/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.testing.Events;
import dev.switchboard.warehouse.testing.WarehouseTestBase;
import dev.switchboard.workspace.SettableConfigView;
import dev.switchboard.workspace.config.SourceConfig;
import dev.switchboard.workspace.config.WarehouseConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader against a real PostgreSQL and a real broker: tables, columns, idempotency, config. */
class WarehouseLoadIT extends WarehouseTestBase {

    @Test
    void shouldLandEveryCallTypeInItsTableWithItsColumnsWhenLoaded() {
        String source = newId("web");
        startDefault(newId("wh"), fastConfig(Map.of()));
        events.send(
                "acme",
                source,
                List.of(
                        Events.track("m-1", "u1", "Order Completed", Map.of("total", 42.5, "currency", "EUR")),
                        Events.call("identify", "m-2", "u1", Map.of("traits", Map.of("email", "ada@example.com"))),
                        Events.call(
                                "page",
                                "m-3",
                                "u1",
                                Map.of("name", "Pricing", "properties", Map.of("title", "Pricing"))),
                        Events.call(
                                "screen", "m-4", "u1", Map.of("name", "Home", "properties", Map.of("variant", "b"))),
                        Events.call("group", "m-5", "u1", Map.of("groupId", "g-1", "traits", Map.of("employees", 140))),
                        Events.call("alias", "m-6", "u1", Map.of("previousId", "anon-1"))));

        await().until(() -> count(source + ".aliases") == 1
                && count(source + ".groups") == 1
                && count(source + ".screens") == 1
                && count(source + ".pages") == 1
                && count(source + ".users") == 1
                && count(source + ".identifies") == 1
                && count(source + ".order_completed") == 1
                && count(source + ".tracks") == 1);

        assertThat(columns(source, "tracks"))
                .containsEntry("id", "text")
                .containsEntry("received_at", "timestamp with time zone")
                .containsEntry("sent_at", "timestamp with time zone")
                .containsEntry("original_timestamp", "timestamp with time zone")
                .containsEntry("uuid_ts", "timestamp with time zone")
                .containsEntry("event_text", "text")
                .containsEntry("context_ip", "text")
                .containsEntry("context_library_name", "text")
                .doesNotContainKey("total");
        assertThat(columns(source, "order_completed"))
                .containsEntry("total", "double precision")
                .containsEntry("currency", "text")
                .containsEntry("_unmapped_data", "jsonb");
        assertThat(query("SELECT event, event_text, user_id, total, uuid_ts IS NOT NULL AS loaded FROM " + source
                        + ".order_completed"))
                .containsExactly(Map.of(
                        "event",
                        "order_completed",
                        "event_text",
                        "Order Completed",
                        "user_id",
                        "u1",
                        "total",
                        "42.5",
                        "loaded",
                        "t"));
        assertThat(query("SELECT id, email FROM " + source + ".users"))
                .containsExactly(Map.of("id", "u1", "email", "ada@example.com"));
        assertThat(query("SELECT name, title FROM " + source + ".pages"))
                .containsExactly(Map.of("name", "Pricing", "title", "Pricing"));
        assertThat(query("SELECT name, variant FROM " + source + ".screens"))
                .containsExactly(Map.of("name", "Home", "variant", "b"));
        assertThat(query("SELECT group_id, employees FROM " + source + ".groups"))
                .containsExactly(Map.of("group_id", "g-1", "employees", "140"));
        assertThat(columns(source, "groups")).containsEntry("employees", "bigint");
        assertThat(query("SELECT previous_id FROM " + source + ".aliases"))
                .containsExactly(Map.of("previous_id", "anon-1"));
    }

    @Test
    void shouldAddAColumnWithoutStoppingWhenANewPropertyArrives() {
        String source = newId("web");
        WarehouseApp app = startDefault(newId("wh"), fastConfig(Map.of()));
        events.send("acme", source, List.of(Events.track("m-1", "u1", "Signed Up", Map.of("plan", "pro"))));
        await().until(() -> count(source + ".signed_up") == 1);
        assertThat(columns(source, "signed_up")).containsKey("plan").doesNotContainKey("seats");

        events.send(
                "acme", source, List.of(Events.track("m-2", "u1", "Signed Up", Map.of("plan", "team", "seats", 5))));

        await().until(() -> count(source + ".signed_up") == 2);
        assertThat(columns(source, "signed_up")).containsEntry("seats", "bigint");
        assertThat(query("SELECT id, plan, seats FROM " + source + ".signed_up ORDER BY id"))
                .containsExactly(
                        mapOf("id", "m-1", "plan", "pro", "seats", null),
                        mapOf("id", "m-2", "plan", "team", "seats", "5"));
        assertThat(app.ready()).isTrue();
    }

    @Test
    void shouldAddNothingAndMergeTheUserWhenEventsAreLoadedAgain() {
        String source = newId("web");
        startDefault(newId("wh"), fastConfig(Map.of()));
        ObjectNode first =
                Events.call("identify", "m-1", "u1", Map.of("traits", Map.of("email", "a@x.io", "plan", "free")));
        events.send("acme", source, List.of(first, first.deepCopy()));
        await().until(() -> count(source + ".users") == 1);

        ObjectNode second = Events.call("identify", "m-2", "u1", Map.of("traits", Map.of("plan", "pro")));
        events.send("acme", source, List.of(first, second, second.deepCopy()));

        await().until(() -> "pro"
                .equals(query("SELECT plan FROM " + source + ".users").get(0).get("plan")));
        assertThat(query("SELECT id FROM " + source + ".identifies ORDER BY id"))
                .containsExactly(Map.of("id", "m-1"), Map.of("id", "m-2"));
        assertThat(query("SELECT id, email, plan FROM " + source + ".users"))
                .as("one row per user; the newer identify's traits win, the older ones are kept")
                .containsExactly(Map.of("id", "u1", "email", "a@x.io", "plan", "pro"));
    }

    @Test
    void shouldCreateEachColumnOnceWhenTwoLoadersShareATable() {
        String source = newId("web");
        String warehouse = newId("wh");
        WarehouseApp one = startDefault(warehouse, fastConfig(Map.of()));
        WarehouseApp two = startDefault(warehouse, fastConfig(Map.of()));
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // many users: both partitions, so both loaders, add the same new columns at once
            batch.add(Events.track("m-" + i, "u" + i, "Wide", Map.of("p" + (i % 40), i, "common", "x")));
        }
        events.send("acme", source, batch);

        await().until(() -> count(source + ".wide") == 400);
        Map<String, String> columns = columns(source, "wide");
        for (int p = 0; p < 40; p++) {
            assertThat(columns).containsEntry("p" + p, "bigint");
        }
        assertThat(one.healthy() && two.healthy()).isTrue();
        assertThat(count(source + ".tracks")).isEqualTo(400);
    }

    @Test
    void shouldLoadOnlyItsSourcesWhenTheWorkspaceConfiguresAWarehouse() {
        String loaded = newId("web");
        String other = newId("backend");
        String warehouse = newId("wh");
        SettableConfigView view = new SettableConfigView();
        WarehouseApp app = track(new WarehouseApp(fastConfig(Map.of()), kafka.bootstrapServers(), view, null, registry))
                .start();
        events.send("acme", loaded, List.of(Events.track("m-1", "u1", "Early", Map.of())));
        events.send("acme", other, List.of(Events.track("m-2", "u1", "Early", Map.of())));

        view.put(new WorkspaceConfig(
                "acme",
                List.of(
                        new SourceConfig(loaded, null, List.of("k1"), null),
                        new SourceConfig(other, null, List.of("k2"), null)),
                List.of(),
                List.of(),
                List.of(new WarehouseConfig(
                        warehouse, "postgres", postgres.url(), null, null, List.of(loaded), null))));
        events.send("acme", loaded, List.of(Events.track("m-3", "u1", "Later", Map.of())));
        ObjectNode blocked = Events.track("m-4", "u1", "Later", Map.of());
        blocked.putObject("integrations").putObject("Warehouses").put("all", false);
        events.send("acme", loaded, List.of(blocked));

        await().until(() -> count(loaded + ".later") == 1 && count(loaded + ".early") == 1);
        assertThat(app.warehouses()).containsExactly("acme/" + warehouse);
        assertThat(count(other + ".tracks"))
                .as("a source the warehouse does not list")
                .isZero();
        assertThat(query("SELECT id FROM " + loaded + ".tracks ORDER BY id"))
                .as("events from before the warehouse was configured are loaded too; Warehouses.all=false is not")
                .containsExactly(Map.of("id", "m-1"), Map.of("id", "m-3"));
    }

    @Test
    void shouldSkipAnUnreadableRecordAndLoadTheRestWhenTheArchiveHoldsOne() {
        String source = newId("web");
        String warehouse = newId("wh");
        startDefault(warehouse, fastConfig(Map.of()));
        events.sendRaw(kafka.bootstrapServers(), new byte[] {1, 2, 3});
        events.send("acme", source, List.of(Events.track("m-1", "u1", "After", Map.of())));

        await().until(() -> count(source + ".after") == 1);
        assertThat(registry.find("switchboard.warehouse.unreadable")
                        .tag("warehouse", warehouse)
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldNotLoadWhatTheRouterKeptFromDeliveryWhenTheArchiveMarksIt() {
        // Given one user's events: one its plan blocked, one while it was suppressed, then a delivered one
        String source = newId("web");
        String warehouse = newId("wh");
        startDefault(warehouse, fastConfig(Map.of()));
        events.sendBlocked("acme", source, Events.track("m-plan", "u1", "Kept", Map.of()), "plan");
        events.sendBlocked("acme", source, Events.track("m-suppressed", "u1", "Kept", Map.of()), "suppressed");
        events.send("acme", source, List.of(Events.track("m-ok", "u1", "Kept", Map.of())));

        // Then only the delivered one is loaded (same partition: the two before it were read first)
        await().until(() -> count(source + ".kept") == 1);
        assertThat(count(source + ".tracks")).isEqualTo(1);
        assertThat(registry.find("switchboard.warehouse.blocked")
                        .tag("warehouse", warehouse)
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    private static Map<String, String> mapOf(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}

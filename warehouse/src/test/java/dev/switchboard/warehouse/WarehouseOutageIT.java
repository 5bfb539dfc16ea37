/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.load.Target;
import dev.switchboard.warehouse.testing.Events;
import dev.switchboard.warehouse.testing.WarehouseTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A warehouse that is down for a while loses nothing, and a warehouse that is down slows no other. */
class WarehouseOutageIT extends WarehouseTestBase {

    @Test
    void shouldLoseNothingWhenTheWarehouseIsDownForAWhile() throws Exception {
        String source = newId("web");
        WarehouseApp app = startDefault(newId("wh"), fastConfig(Map.of()));
        events.send("acme", source, events(0, 100));
        await().until(() -> count(source + ".tracks") == 100);

        postgres.stop();
        try {
            events.send("acme", source, events(100, 600));
            await().until(() -> !app.ready());
            Thread.sleep(5_000); // down for a while: several failed attempts, each kept
            assertThat(app.healthy())
                    .as("a warehouse outage is retried, not a reason to stop")
                    .isTrue();
        } finally {
            postgres.start();
        }

        await().until(() -> count(source + ".tracks") == 600 && app.ready());
        assertThat(query("SELECT count(DISTINCT id) AS n FROM " + source + ".tapped"))
                .containsExactly(Map.of("n", "600"));
        assertThat(registry.find("switchboard.warehouse.load.failures")
                        .counter()
                        .count())
                .isGreaterThan(1);
    }

    @Test
    void shouldKeepLoadingOneWarehouseWhenAnotherIsDown() {
        String source = newId("web");
        // Nothing listens on port 9 (discard): every load of this one fails.
        Target down = new Target(newId("down"), null, null, "postgresql://postgres@127.0.0.1:9/postgres", null, null);
        WarehouseApp broken = track(
                        new WarehouseApp(fastConfig(Map.of()), kafka.bootstrapServers(), null, down, registry))
                .start();
        WarehouseApp healthy = startDefault(newId("wh"), fastConfig(Map.of()));

        events.send("acme", source, events(0, 300));

        await().until(() -> count(source + ".tracks") == 300);
        assertThat(healthy.ready()).isTrue();
        assertThat(broken.ready()).isFalse();
        assertThat(broken.healthy()).isTrue();
    }

    private static List<ObjectNode> events(int from, int to) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(Events.track("m-" + i, "u" + (i % 20), "Tapped", Map.of("n", i)));
        }
        return out;
    }
}

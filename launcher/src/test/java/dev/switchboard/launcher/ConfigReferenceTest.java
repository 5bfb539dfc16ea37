/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.options.Option;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.tracking.TrackingApiConfig;
import dev.switchboard.warehouse.LoaderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/config-reference.md} is generated from the options' constants: this test fails when it
 * is stale. {@code -Dgolden.update} regenerates it.
 */
class ConfigReferenceTest {

    private static final Path DOC = Path.of("../docs/config-reference.md");

    @Test
    void shouldMatchGeneratedReferenceWhenOptionsChange() throws Exception {
        Map<String, List<Option<?>>> roles = new LinkedHashMap<>();
        roles.put("tracking-api", TrackingApiConfig.options());
        roles.put("router", RouterConfig.options());
        roles.put("delivery", DeliveryConfig.options());
        roles.put("warehouse", LoaderConfig.options());
        StringBuilder md = new StringBuilder(
                """
                # Configuration reference

                Generated from the options' constants by `ConfigReferenceTest`
                (`./mvnw -pl launcher test -Dtest=ConfigReferenceTest -Dgolden.update`); do not edit.

                Give options with `--set key=value` or `--properties FILE`. An unknown `switchboard.*` key
                stops start-up and names the closest valid key. Kafka client settings pass through under
                `kafka.` (`kafka.streams.*` for the router, `kafka.consumer.*` for the warehouse loader;
                see each role's README for its clients).
                Durations take `500ms`, `5s`, `10m`, `24h`, `7d` or ISO-8601 (`PT5S`).
                """);
        roles.forEach((role, options) -> {
            md.append("\n## ").append(role).append("\n\n| key | default | description |\n| --- | --- | --- |\n");
            for (Option<?> o : options) {
                md.append("| `")
                        .append(o.key())
                        .append("` | ")
                        .append(o.defaultValue() == null ? "" : "`" + o.defaultValue() + "`")
                        .append(" | ")
                        .append(o.doc().replace("|", "\\|").replace("\n", " "))
                        .append(" |\n");
            }
        });
        String generated = md.toString();
        if (System.getProperty("golden.update") != null) {
            Files.writeString(DOC, generated);
        }
        assertThat(DOC).as("run with -Dgolden.update to regenerate").exists();
        assertThat(Files.readString(DOC)).isEqualTo(generated);
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.launcher.cli.RoleOptions;
import dev.switchboard.options.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/config-reference.md} is generated from the options' constants: this test fails when it
 * is stale. {@code -Dgolden.update} regenerates it.
 */
class ConfigReferenceTest {

    private static final Path DOC = Path.of("../docs/config-reference.md");
    private static final Pattern KEY = Pattern.compile("switchboard\\.[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    @Test
    void shouldWriteEveryKeyInOneStyleWhenRolesNameTheSameThing() {
        // Given every role's options
        Map<String, String> byWords = new TreeMap<>();
        for (List<Option<?>> options : roles().values()) {
            for (Option<?> o : options) {
                // Then each key is lower-case, dot-grouped, hyphen-joined
                assertThat(o.key()).matches(KEY);
                // And a name two roles share is written the same in both (commit-interval, not commit.interval)
                String name = o.key().substring(o.key().indexOf('.', "switchboard.".length()) + 1);
                String previous = byWords.putIfAbsent(name.replaceAll("[.-]", ""), name);
                assertThat(previous == null ? name : previous)
                        .as("the key style of %s", o.key())
                        .isEqualTo(name);
            }
        }
    }

    private static Map<String, List<Option<?>>> roles() {
        return RoleOptions.byRole();
    }

    @Test
    void shouldMatchGeneratedReferenceWhenOptionsChange() throws Exception {
        Map<String, List<Option<?>>> roles = roles();
        StringBuilder md = new StringBuilder(
                """
                # Configuration reference

                Generated from the options' constants by `ConfigReferenceTest`
                (`./mvnw -pl launcher test -Dtest=ConfigReferenceTest -Dgolden.update`); do not edit.

                Give options with `--set key=value` or `--properties FILE`. An unknown `switchboard.*` key
                stops start-up and names the closest valid key. Kafka client settings pass through under
                `kafka.` (`kafka.streams.*` for the router, `kafka.consumer.*` for the warehouse loader;
                see each role's README for its clients).
                Durations take `500ms`, `5s`, `10m`, `24h`, `7d` or ISO-8601 (`PT5S`). A value outside its
                valid values stops start-up too. Keys are written one way: dots separate groups
                (`backoff.base`, `dedupe.window`), hyphens join the words of a name (`shutdown-timeout`).
                """);
        roles.forEach((role, options) -> {
            md.append("\n## ")
                    .append(role)
                    .append("\n\n| key | default | valid values | description |\n| --- | --- | --- | --- |\n");
            for (Option<?> o : options) {
                md.append("| `")
                        .append(o.key())
                        .append("` | ")
                        .append(o.defaultText().isEmpty() ? "" : "`" + o.defaultText() + "`")
                        .append(" | ")
                        .append(o.rule())
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

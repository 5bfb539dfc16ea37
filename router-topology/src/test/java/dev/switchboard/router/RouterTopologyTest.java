/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.testing.EchoMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The topology's shape is frozen in {@code topology.txt}: renaming a processor, store or internal
 * topic orphans state in running deployments, so it must show up as a reviewed diff
 * ({@code -Dgolden.update} rewrites the file).
 */
class RouterTopologyTest {

    private static final Path GOLDEN = Path.of("src/test/resources/topology.txt");

    @Test
    void shouldMatchGoldenDescriptionWhenTopologyIsBuilt() throws Exception {
        String described = RouterTopology.build(MapperRegistry.of(List.of(new EchoMapper())), RouterConfig.defaults())
                .describe()
                .toString();
        if (System.getProperty("golden.update") != null) {
            Files.writeString(GOLDEN, described);
        }
        assertThat(described).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void shouldNameEveryProcessorWhenTopologyIsBuilt() {
        String described = RouterTopology.build(MapperRegistry.of(List.of(new EchoMapper())), RouterConfig.defaults())
                .describe()
                .toString();
        assertThat(described).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }
}

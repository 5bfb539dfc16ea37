/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MapperRegistryTest {

    /** A provider that records which of its types were built. */
    static final class CountingProvider implements DestinationMapperProvider {
        final List<String> built = new ArrayList<>();
        final List<String> slugs;

        CountingProvider(String... slugs) {
            this.slugs = List.of(slugs);
        }

        @Override
        public Collection<DestinationMapper> mappers() {
            return lazyMappers().values().stream().map(Supplier::get).toList();
        }

        @Override
        public Map<String, Supplier<DestinationMapper>> lazyMappers() {
            Map<String, Supplier<DestinationMapper>> m = new LinkedHashMap<>();
            for (String slug : slugs) {
                m.put(slug, () -> {
                    built.add(slug);
                    return new Named(slug);
                });
            }
            return m;
        }
    }

    record Named(String slug) implements DestinationMapper {
        @Override
        public String catalogName() {
            return slug;
        }

        @Override
        public SettingsSchema settingsSchema() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MappedRequest> map(ObjectNode event, MapperContext context) {
            return List.of();
        }
    }

    @Test
    void shouldBuildOnlyTheTypesLookedUpAndEachOnce() {
        // Given a provider serving three types
        CountingProvider provider = new CountingProvider("a", "b", "c");
        MapperRegistry registry = MapperRegistry.fromProviders(List.of(provider));

        // When one type is looked up twice, and an unknown one once
        DestinationMapper first = registry.find("b").orElseThrow();
        DestinationMapper second = registry.find("b").orElseThrow();

        // Then only that type was built, once, and every slug is still known
        assertThat(first).isSameAs(second);
        assertThat(provider.built).containsExactly("b");
        assertThat(registry.find("zzz")).isEmpty();
        assertThat(registry.slugs()).containsExactly("a", "b", "c");
    }

    @Test
    void shouldRefuseOneSlugServedByTwoProviders() {
        assertThatThrownBy(() -> MapperRegistry.fromProviders(
                        List.of(new CountingProvider("a"), new CountingProvider("x", "a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two destination types named 'a'");
    }

    @Test
    void shouldReportAMalformedTypeOnItsLookup() {
        // Given a provider whose type 'bad' cannot be built
        DestinationMapperProvider broken = new DestinationMapperProvider() {
            @Override
            public Collection<DestinationMapper> mappers() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Supplier<DestinationMapper>> lazyMappers() {
                return Map.of("bad", () -> {
                    throw new IllegalStateException("destination 'bad' is malformed: mapping.yaml:3");
                });
            }
        };
        MapperRegistry registry = MapperRegistry.fromProviders(List.of(broken));

        // Then the registry is made, and the lookup fails with the folder's problem
        assertThatThrownBy(() -> registry.find("bad")).hasMessageContaining("mapping.yaml:3");
    }
}

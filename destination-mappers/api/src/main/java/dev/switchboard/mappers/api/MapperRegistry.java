/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every destination type on the class path, by slug. A type is built (its folder read and checked) the first
 * time it is asked for, then kept: a role starts without building the whole catalogue, and a malformed
 * folder fails the first lookup of its type, with the file and the fix.
 */
public final class MapperRegistry {

    private final Map<String, Supplier<DestinationMapper>> bySlug;
    private final Map<String, DestinationMapper> built = new ConcurrentHashMap<>();

    private MapperRegistry(Map<String, Supplier<DestinationMapper>> bySlug) {
        this.bySlug = Collections.unmodifiableMap(bySlug);
    }

    /** Every {@link DestinationMapperProvider} registered in {@code META-INF/services}; fails on a slug served twice. */
    public static MapperRegistry load() {
        return fromProviders(ServiceLoader.load(DestinationMapperProvider.class));
    }

    /** A registry of what {@code providers} serve, each type built on its first lookup. */
    static MapperRegistry fromProviders(Iterable<DestinationMapperProvider> providers) {
        Map<String, Supplier<DestinationMapper>> map = new TreeMap<>();
        for (DestinationMapperProvider p : providers) {
            p.lazyMappers()
                    .forEach((slug, mapper) ->
                            add(map, slug, mapper, p.getClass().getName()));
        }
        return new MapperRegistry(map);
    }

    /** A registry of exactly these mappers; fails on two mappers with one slug. */
    public static MapperRegistry of(List<DestinationMapper> mappers) {
        Map<String, Supplier<DestinationMapper>> map = new TreeMap<>();
        for (DestinationMapper m : mappers) {
            add(map, m.slug(), () -> m, m.getClass().getName());
        }
        return new MapperRegistry(map);
    }

    private static void add(
            Map<String, Supplier<DestinationMapper>> map,
            String slug,
            Supplier<DestinationMapper> mapper,
            String from) {
        if (map.putIfAbsent(slug, mapper) != null) {
            throw new IllegalStateException(
                    "two destination types named '" + slug + "' (the second from " + from + ")");
        }
    }

    /** The type {@code slug}, built on its first lookup; empty when no provider serves it. */
    public Optional<DestinationMapper> find(String slug) {
        Supplier<DestinationMapper> mapper = bySlug.get(slug);
        return mapper == null ? Optional.empty() : Optional.of(built.computeIfAbsent(slug, s -> mapper.get()));
    }

    public java.util.Set<String> slugs() {
        return bySlug.keySet();
    }
}

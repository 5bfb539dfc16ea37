/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every destination type on the class path, by slug. */
public final class MapperRegistry {

    private final Map<String, DestinationMapper> bySlug;

    private MapperRegistry(Map<String, DestinationMapper> bySlug) {
        this.bySlug = Collections.unmodifiableMap(bySlug);
    }

    /** Loads every {@link DestinationMapperProvider} registered in {@code META-INF/services}. */
    public static MapperRegistry load() {
        List<DestinationMapper> mappers = new ArrayList<>();
        ServiceLoader.load(DestinationMapperProvider.class).forEach(p -> mappers.addAll(p.mappers()));
        return of(mappers);
    }

    /** A registry of exactly these mappers; fails on two mappers with one slug. */
    public static MapperRegistry of(List<DestinationMapper> mappers) {
        Map<String, DestinationMapper> map = new TreeMap<>();
        for (DestinationMapper m : mappers) {
            DestinationMapper previous = map.putIfAbsent(m.slug(), m);
            if (previous != null) {
                throw new IllegalStateException("two destination types named '" + m.slug() + "': "
                        + previous.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        return new MapperRegistry(map);
    }

    public Optional<DestinationMapper> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public java.util.Set<String> slugs() {
        return bySlug.keySet();
    }
}

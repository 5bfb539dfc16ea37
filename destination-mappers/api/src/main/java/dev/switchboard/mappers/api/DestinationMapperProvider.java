/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Supplies destination mappers; registered in {@code META-INF/services}. */
public interface DestinationMapperProvider {

    /** Every mapper, built now. */
    Collection<DestinationMapper> mappers();

    /**
     * Every mapper by slug, each built only when its supplier is first called, so that a role builds the
     * destination types its workspaces use and no other (a JVM start pays for one type, not the whole
     * catalogue). By default every mapper is built at once by {@link #mappers()}.
     */
    default Map<String, Supplier<DestinationMapper>> lazyMappers() {
        Map<String, Supplier<DestinationMapper>> bySlug = new LinkedHashMap<>();
        for (DestinationMapper m : mappers()) {
            bySlug.put(m.slug(), () -> m);
        }
        return bySlug;
    }
}

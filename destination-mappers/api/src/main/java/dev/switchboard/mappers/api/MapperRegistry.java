/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import dev.switchboard.schemas.config.ConfigProblem;
import dev.switchboard.schemas.config.ConnectionConfig;
import dev.switchboard.schemas.config.DestinationConfig;
import dev.switchboard.schemas.config.ParsedWorkspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every destination type on the class path, by slug; and the check of a workspace against them. */
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

    /**
     * Destination types and settings, and each connection's actions and mapping overrides, of a
     * parsed workspace, as problems with their lines.
     */
    public List<ConfigProblem> check(ParsedWorkspace parsed) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<DestinationConfig> destinations = parsed.config().destinations();
        for (int i = 0; i < destinations.size(); i++) {
            DestinationConfig d = destinations.get(i);
            String at = "/destinations/" + i;
            if (d.type() == null) {
                continue; // reported by the parser
            }
            DestinationMapper mapper = bySlug.get(d.type());
            if (mapper == null) {
                problems.add(parsed.problem(
                        at + "/type", "unknown destination type '" + d.type() + "'; known types: " + bySlug.keySet()));
                continue;
            }
            for (Map.Entry<String, String> p : mapper.settingsSchema().validate(d.settings())) {
                problems.add(parsed.problem(at + "/settings/" + p.getKey(), p.getValue()));
            }
        }
        List<ConnectionConfig> connections = parsed.config().connections();
        for (int i = 0; i < connections.size(); i++) {
            ConnectionConfig c = connections.get(i);
            DestinationMapper mapper = parsed.config()
                    .destination(c.destination())
                    .map(d -> d.type() == null ? null : bySlug.get(d.type()))
                    .orElse(null);
            if (mapper == null) {
                continue; // reported above, or by the parser
            }
            for (Map.Entry<String, String> p : mapper.checkConnection(c.enabledActions(), c.mapping())) {
                problems.add(parsed.problem("/connections/" + i + "/" + p.getKey(), p.getValue()));
            }
        }
        return problems;
    }
}

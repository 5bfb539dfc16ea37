/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns {@code sb.config} records into {@link CompiledWorkspace}s, compiling each workspace version
 * once (a version is its workspace id and publication time). Thread-safe: the router's stream
 * threads and a config view share one.
 */
public final class WorkspaceCompiler {

    private final MapperRegistry registry;
    private final Map<String, CompiledWorkspace> latest = new ConcurrentHashMap<>();

    public WorkspaceCompiler(MapperRegistry registry) {
        this.registry = registry;
    }

    /** The registry routes take their mappers from. */
    public MapperRegistry registry() {
        return registry;
    }

    /**
     * The compiled workspace of a config record.
     *
     * @throws IllegalArgumentException when the record's document cannot be read
     */
    public CompiledWorkspace compile(ConfigRecord record) {
        return latest.compute(
                record.getWorkspaceId(),
                (id, cached) -> cached != null && cached.appliedAt().equals(record.getAppliedAt())
                        ? cached
                        : CompiledWorkspace.compile(
                                WorkspaceConfigParser.parseDocument(record.getDocument()),
                                record.getAppliedAt(),
                                registry));
    }
}

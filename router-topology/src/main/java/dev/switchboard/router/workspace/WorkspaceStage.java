/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.workspace;

import dev.switchboard.router.internal.Configured;
import dev.switchboard.router.internal.Enriched;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.WorkspaceCompiler;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up each event's workspace in the live {@code sb.config} table and pairs the event with that
 * workspace as compiled (once per version, by {@link WorkspaceCompiler}).
 */
public final class WorkspaceStage {

    static final String NAME = Stage.WORKSPACE.processorName();
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceStage.class);

    private WorkspaceStage() {}

    public static KStream<String, Configured> apply(
            KStream<String, Enriched> events, GlobalKTable<String, ConfigRecord> config, WorkspaceCompiler compiler) {
        return events.leftJoin(
                config,
                (key, e) -> e.event().getWorkspaceId(),
                (e, record) -> new Configured(e, compiled(compiler, record)),
                Named.as(NAME));
    }

    /** The compiled workspace, or null (no routes) when there is none or its record cannot be read. */
    private static CompiledWorkspace compiled(WorkspaceCompiler compiler, ConfigRecord record) {
        if (record == null) {
            return null;
        }
        try {
            return compiler.compile(record);
        } catch (IllegalArgumentException e) {
            LOG.error("cannot read the config of workspace {}: {}", record.getWorkspaceId(), e.getMessage());
            return null;
        }
    }
}

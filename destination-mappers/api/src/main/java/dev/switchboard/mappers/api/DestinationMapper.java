/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One destination type: its catalog identity, its settings schema, and the mapping from an event to
 * HTTP requests. Implementations are stateless and thread-safe; {@link #map} does no I/O.
 */
public interface DestinationMapper {

    /** The type's slug (folder name), as used in {@code type:} of workspace.yaml. */
    String slug();

    /** The catalog name that the {@code integrations} object of an event uses, e.g. "Webhooks". */
    String catalogName();

    /** The settings a destination of this type takes. */
    SettingsSchema settingsSchema();

    /**
     * Maps one event. Returns no request when no action of the type is triggered by the event.
     *
     * @param event the enriched Segment event (read only)
     * @param context the destination instance and its validated settings
     * @throws PayloadInvalidException when the event lacks what the destination needs (never retried)
     */
    List<MappedRequest> map(ObjectNode event, MapperContext context) throws PayloadInvalidException;

    /**
     * Maps one event whose JSON text is already written. The router writes each event once, for the
     * archive, and hands the same bytes to every destination of the event: a type whose body is the
     * whole event (a webhook) sends them instead of writing the event again. The default ignores them.
     *
     * @param eventJson exactly {@code event} written as UTF-8 JSON, shared and never to be modified; or
     *     null when not at hand (e.g. a destination filter changed the event)
     */
    default List<MappedRequest> map(ObjectNode event, byte[] eventJson, MapperContext context)
            throws PayloadInvalidException {
        return map(event, context);
    }

    /**
     * Checks a connection's {@code enabledActions} and {@code mapping} overrides before the workspace
     * is published. Returns problems as (key under the connection, message); empty when valid. The
     * default refuses both: a type that supports them overrides this.
     */
    default List<SettingProblem> checkConnection(List<String> enabledActions, ObjectNode mapping) {
        List<SettingProblem> problems = new ArrayList<>();
        if (!enabledActions.isEmpty()) {
            problems.add(
                    new SettingProblem("enabledActions", "destination type '" + slug() + "' has no actions to choose"));
        }
        if (!mapping.isEmpty()) {
            problems.add(
                    new SettingProblem("mapping", "destination type '" + slug() + "' has no mappings to override"));
        }
        return problems;
    }
}

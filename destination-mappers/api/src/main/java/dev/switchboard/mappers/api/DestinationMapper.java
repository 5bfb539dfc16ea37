/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
}

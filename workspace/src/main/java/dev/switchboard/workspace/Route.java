/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.privacy.RoutePrivacy;
import java.util.function.UnaryOperator;

/**
 * One destination a source's events go to, resolved once per config version.
 *
 * @param destination the configured destination
 * @param mapper its type's mapper, or null when no mapper of that type is on the class path
 * @param context what the mapper gets: settings with the type's defaults applied, and the
 *     connection's enabled actions and mapping overrides
 * @param filters the connection's destination filters: the event this destination sees, or null to drop it
 * @param privacy the privacy rules of this connection ({@link RoutePrivacy#NONE} when it has none)
 */
public record Route(
        DestinationConfig destination,
        DestinationMapper mapper,
        MapperContext context,
        UnaryOperator<ObjectNode> filters,
        RoutePrivacy privacy) {

    /** A route without privacy rules. */
    public Route(
            DestinationConfig destination,
            DestinationMapper mapper,
            MapperContext context,
            UnaryOperator<ObjectNode> filters) {
        this(destination, mapper, context, filters, RoutePrivacy.NONE);
    }
}

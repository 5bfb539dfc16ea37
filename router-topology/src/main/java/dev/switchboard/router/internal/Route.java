/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.schemas.config.DestinationConfig;
import java.util.function.UnaryOperator;

/**
 * One destination a source's events go to, resolved once per config version.
 *
 * @param destination the configured destination
 * @param mapper its type's mapper, or null when no mapper of that type is on the class path
 * @param settings the destination's settings with the type's defaults applied
 * @param filters the connection's destination filters: the event this destination sees, or null to drop it
 */
public record Route(
        DestinationConfig destination,
        DestinationMapper mapper,
        ObjectNode settings,
        UnaryOperator<ObjectNode> filters) {}

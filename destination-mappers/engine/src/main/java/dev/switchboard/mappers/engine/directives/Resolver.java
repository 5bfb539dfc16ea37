/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled mapping value: resolves against a scope; {@code null} means undefined. */
@FunctionalInterface
public interface Resolver {

    /**
     * Resolves this value.
     *
     * @throws MappingFailure when the event holds a value this mapping cannot convert
     */
    JsonNode resolve(Scope scope);
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;

/** One directive: its {@code @name} and how its argument compiles into a resolver. */
interface Directive {

    String name();

    Resolver compile(JsonNode argument) throws MappingDefinitionException;
}

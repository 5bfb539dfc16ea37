/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What a destination folder declares ({@link dev.switchboard.mappers.engine.definition.DestinationDefinition}),
 * the error of a folder that declares it wrong, and the engine's version; the leaf that the engine's entry
 * points and its internals both read, so neither needs the other's package.
 */
package dev.switchboard.mappers.engine.definition;

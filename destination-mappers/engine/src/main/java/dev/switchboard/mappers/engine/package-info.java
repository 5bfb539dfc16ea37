/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The declarative mapping engine. {@link dev.switchboard.mappers.engine.DeclarativeMapperProvider}
 * (registered in {@code META-INF/services}) loads every {@code switchboard/destinations/<slug>/} folder on
 * the class path through {@link dev.switchboard.mappers.engine.DestinationLoader}; each becomes a
 * {@link dev.switchboard.mappers.engine.DeclarativeMapper} that maps an event to requests with the
 * directives of {@code dev.switchboard.mappers.engine.directives}.
 */
package dev.switchboard.mappers.engine;

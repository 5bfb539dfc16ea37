/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The mapper SPI: {@link dev.switchboard.mappers.api.DestinationMapper} turns one enriched Segment
 * event into zero or more {@link dev.switchboard.mappers.api.MappedRequest}s for one configured
 * destination. Implementations are found at run time through
 * {@link dev.switchboard.mappers.api.DestinationMapperProvider} ({@code META-INF/services}); the
 * router compiles against this package only.
 */
package dev.switchboard.mappers.api;

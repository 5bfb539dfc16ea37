/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.Collection;

/** Supplies destination mappers; registered in {@code META-INF/services}. */
public interface DestinationMapperProvider {

    Collection<DestinationMapper> mappers();
}

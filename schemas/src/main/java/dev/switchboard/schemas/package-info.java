/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Wire contracts shared by every role: the Avro records on each topic ({@code avro}), the typed
 * {@link dev.switchboard.schemas.Topics} constants with their serdes, and the workspace config
 * model ({@code config}). Every other module depends on this one and on nothing else of ours
 * below it.
 */
package dev.switchboard.schemas;

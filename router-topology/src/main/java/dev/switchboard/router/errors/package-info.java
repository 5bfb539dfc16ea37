/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Kafka Streams' own error hooks, configured by class name in {@code RouterConfig}: records that
 * cannot be deserialized or processed go to {@code sb.rejected} with the reason, and the stream goes
 * on. We build no parallel mechanism.
 */
package dev.switchboard.router.errors;

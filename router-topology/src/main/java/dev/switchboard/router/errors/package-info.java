/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Everything that puts a record on {@code sb.rejected}: a stage's {@code Outcome} (its value or its
 * rejection) and {@code Outcomes.split}, which sends the rejected ones there; {@code Rejections}, which
 * builds a rejection of a raw call; and Kafka Streams' own error hooks, configured by class name in
 * {@code RouterConfig}: records that cannot be deserialized or processed go to {@code sb.rejected} with
 * the reason, and the stream goes on. We build no parallel mechanism.
 */
package dev.switchboard.router.errors;

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * {@link dev.switchboard.embedded.EmbeddedKafka}: one combined broker and controller in this JVM,
 * formatted and started with Kafka's own classes, for {@code switchboard dev} and the tests; its topics
 * come from {@link dev.switchboard.schemas.admin.TopicAdmin}, as on a real cluster.
 */
package dev.switchboard.embedded;

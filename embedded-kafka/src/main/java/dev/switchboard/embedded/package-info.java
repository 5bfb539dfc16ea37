/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * {@link dev.switchboard.embedded.EmbeddedKafka}: one combined broker and controller in this JVM,
 * formatted and started with Kafka's own classes, and {@link dev.switchboard.embedded.TopicAdmin},
 * which creates every topic Switchboard needs (shared by {@code switchboard topics create}).
 */
package dev.switchboard.embedded;

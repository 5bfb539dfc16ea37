/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What the console knows: the topics read by consumers of its own ({@link dev.switchboard.console.live.Recorder})
 * into bounded, in-memory views: the recent calls of each source, each recent messageId's trace, and each
 * destination's delivery counts and errors. Nothing here writes to Kafka.
 */
package dev.switchboard.console.live;

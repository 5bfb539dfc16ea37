/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The fault suite ({@code -Pfaults}): a KRaft broker and each role ({@code switchboard tracking-api},
 * {@code router}, {@code delivery}) in an OS process of its own, a capture destination and a load
 * generator in the test's JVM, and one scenario per fault (SIGKILL, SIGTERM, a failing, throttling or
 * hanging destination, hostile input). After each, {@link dev.switchboard.bench.faults.Checker} reads
 * the capture log and the topics and reports sent, acknowledged, delivered, dead-lettered, rejected,
 * duplicated and lost, the time to recover and the ack-to-delivery latency. Figures and limits:
 * docs/guarantees.md.
 */
package dev.switchboard.bench.faults;

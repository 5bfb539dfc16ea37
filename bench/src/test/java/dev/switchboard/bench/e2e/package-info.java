/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The end-to-end benchmark ({@code -Pe2e}): the broker and every role in an OS process of its own
 * ({@link dev.switchboard.bench.cluster.Cluster}), {@code /v1/batch} calls of realistic events at a fixed
 * offered rate per step, stepped up until delivery to the capture destinations falls behind; then
 * latency at 50% and 90% of the sustained maximum, CPU per event per role with 1, 3 and 10
 * destinations, the floors (raw Kafka produce to consume, the capture destination alone), a Markdown
 * report and a PNG plot. Figures and what limits them: bench/e2e.md.
 */
package dev.switchboard.bench.e2e;

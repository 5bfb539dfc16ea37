/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Router throughput on the embedded broker: {@link dev.switchboard.bench.router.RouterBench} runs a
 * bare passthrough topology and the real router topology over the same pre-produced input, with the
 * same serdes and exactly-once settings, and prints events/s for both and their ratio. How to run it
 * and the figures measured are in {@code bench/router.md}.
 */
package dev.switchboard.bench.router;

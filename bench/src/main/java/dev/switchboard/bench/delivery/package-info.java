/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Delivery benchmarks: {@link dev.switchboard.bench.delivery.DeliveryBench} measures delivery
 * throughput against a raw HTTP client loop, and a healthy destination with and without a failing
 * neighbour. See bench/delivery.md.
 */
package dev.switchboard.bench.delivery;

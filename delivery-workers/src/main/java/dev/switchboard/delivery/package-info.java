/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Delivery workers: {@code sb.dest.<destinationId>} (and its {@code .retry} topic) → destination
 * HTTP API → {@code sb.delivery.outcomes}, with exhausted or fatal requests on
 * {@code sb.dest.<destinationId>.dlq}. {@link dev.switchboard.delivery.DeliveryApp} runs one
 * isolated worker per enabled destination; {@link dev.switchboard.delivery.DeliveryConfig} holds the
 * role's options.
 */
package dev.switchboard.delivery;

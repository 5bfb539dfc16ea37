/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The router: a Kafka Streams topology from {@code sb.ingest.raw} to {@code sb.events} and
 * {@code sb.dest.<destinationId>}. {@link dev.switchboard.router.RouterTopology} wires the stages,
 * one package each, in the order data flows; {@link dev.switchboard.router.RouterApp} is the only
 * owner of {@code KafkaStreams}.
 */
package dev.switchboard.router;

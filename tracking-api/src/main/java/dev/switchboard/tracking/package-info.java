/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Segment-compatible tracking API: {@link dev.switchboard.tracking.TrackingApiApp} serves HTTP calls and writes each accepted call as one {@code RawCall} to {@code sb.ingest.raw}, answering 200 only after Kafka acknowledged it (acks=all); {@link dev.switchboard.tracking.config.TrackingApiConfig} holds its typed options.
 */
package dev.switchboard.tracking;

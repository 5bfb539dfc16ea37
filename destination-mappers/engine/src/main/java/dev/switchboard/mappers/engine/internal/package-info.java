/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * How the engine parses destination and action YAML and renders requests: settings, authentication,
 * batching, triggers and the request template. Not for use outside the engine module.
 */
package dev.switchboard.mappers.engine.internal;

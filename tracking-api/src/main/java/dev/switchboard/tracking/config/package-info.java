/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The tracking API's typed options ({@code switchboard.tracking.*}): read by the app that wires the API and by
 * the handlers that enforce the limits, so it sits below both.
 */
package dev.switchboard.tracking.config;

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

/**
 * The class of one attempt's result and the error class recorded with it.
 *
 * @param statusClass delivered, retryable or fatal
 * @param errorClass null when delivered; else e.g. {@code http_5xx}, {@code http_429}, {@code timeout}
 */
public record Classification(StatusClass statusClass, String errorClass) {}

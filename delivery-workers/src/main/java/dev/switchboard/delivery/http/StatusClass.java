/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

/** What happens to a request after one attempt. */
public enum StatusClass {
    /** 2xx: done. */
    DELIVERED,
    /** 408, 423, 429, 5xx except 501, timeouts, connection errors: try again later. */
    RETRYABLE,
    /** Every other status (other 4xx, 501, 1xx/3xx): dead-lettered at once. */
    FATAL
}

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
 * @param reason what the answer said about this one item of a batch (e.g. Pinterest's
 *     {@code {"status":"failed","error_message":"..."}}), or null; recorded as the attempt's error
 */
public record Classification(StatusClass statusClass, String errorClass, String reason) {

    /** A class without an item's own reason. */
    public Classification(StatusClass statusClass, String errorClass) {
        this(statusClass, errorClass, null);
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.calls;

/**
 * Why one call was refused: Segment's discard code where one exists ({@code no_user_anon_id},
 * {@code event_not_defined}, ...), a message for a developer, and the field at fault (may be null).
 */
public record Rejection(String code, String message, String field) {

    public static Rejection of(String code, String field, String message) {
        return new Rejection(code, message, field);
    }
}

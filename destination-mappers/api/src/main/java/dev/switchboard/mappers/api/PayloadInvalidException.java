/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

/** The event lacks what the destination needs: rejected with the reason, never retried. */
public final class PayloadInvalidException extends MapperException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public PayloadInvalidException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The event field at fault, e.g. {@code event} or {@code properties.products}. */
    public String field() {
        return field;
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

/**
 * The event holds a value a mapping cannot convert (e.g. {@code "abc"} where a number is needed). The
 * engine turns it into a {@code PayloadInvalidException} before it leaves the mapper.
 */
public final class MappingFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MappingFailure(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The event field at fault, dotted ({@code properties.price}), or {@code event} when unknown. */
    public String field() {
        return field;
    }
}

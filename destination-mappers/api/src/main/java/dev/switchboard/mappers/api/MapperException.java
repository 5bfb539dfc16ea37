/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

/** Base of the typed mapper errors: what failed decides what happens next. */
public abstract class MapperException extends Exception {

    private static final long serialVersionUID = 1L;

    protected MapperException(String message) {
        super(message);
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

/** A mapping is malformed (unknown directive, bad path, wrong argument): found at load time. */
public final class MappingDefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    public MappingDefinitionException(String message) {
        super(message);
    }
}

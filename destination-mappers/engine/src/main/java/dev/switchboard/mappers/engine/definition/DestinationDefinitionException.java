/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.definition;

/** A destination folder is malformed; the message names the file and what to fix. */
public final class DestinationDefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;

    public DestinationDefinitionException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** The file at fault, relative to the destinations root ({@code mixpanel/track.yaml}). */
    public String file() {
        return file;
    }
}

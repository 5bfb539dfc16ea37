/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

/**
 * An argument the command cannot act on (unknown destination, a time in the future, ...): the
 * command line prints its message as one line and exits with code 2, having changed nothing.
 */
public final class BadArgument extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadArgument(String message) {
        super(message);
    }
}

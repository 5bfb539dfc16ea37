/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

/**
 * A parse error in an FQL expression: the message says what was expected and ends with the
 * 0-based character position, which {@link #position()} also returns.
 */
public final class FqlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * Creates an error; {@code problem} is completed with " at &lt;position&gt;" unless a {@code
     * hint} follows, in which case the hint is appended after the position.
     */
    public FqlException(String problem, int position, String hint) {
        super(problem + " at " + position + (hint == null || hint.isEmpty() ? "" : " " + hint));
        this.position = position;
    }

    /** Creates an error with no hint. */
    public FqlException(String problem, int position) {
        this(problem, position, null);
    }

    /** The 0-based character position in the source where the error was found. */
    public int position() {
        return position;
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

/**
 * A batch that was not loaded. Every failure is retried with backoff, since the batch is kept
 * and nothing was committed: {@code unavailable} says the warehouse could not be reached (an
 * outage: expected, logged quietly), otherwise the warehouse refused the batch (a bug of ours or a
 * table changed by hand: logged as an error).
 */
public final class WarehouseException extends Exception {

    private final boolean unavailable;

    public WarehouseException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    public boolean unavailable() {
        return unavailable;
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.errors;

import dev.switchboard.schemas.Stage;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path of internal errors in the router: a bug of ours (in a stage or a mapper), never the sender's
 * fault. Invalid input is refused by the stage that finds it, with its own code; an internal error is written to
 * {@code sb.rejected} with code {@value #CODE}, logged at ERROR and counted by
 * {@code switchboard.router.internal.errors} (the {@code SwitchboardRouterInternalErrors} alert). The stream goes
 * on, and the event, already in the archive, can be replayed to its destination once the bug is fixed.
 */
public final class InternalErrors {

    /** The {@code Rejected.code} of an internal error. */
    public static final String CODE = "internal_error";

    /** The metric counting internal errors since start. */
    public static final String METRIC = "switchboard.router.internal.errors";

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);
    private static final LongAdder COUNT = new LongAdder();

    private InternalErrors() {}

    /**
     * Counts and logs an internal error.
     *
     * @param where what failed, such as {@code processor sb-map} or {@code mapper webhook}
     * @return the reason to write in {@code Rejected.reason}
     */
    public static String record(Stage stage, String where, Throwable error) {
        COUNT.increment();
        LOG.error("internal error at stage {} in {}", stage.wireName(), where, error);
        return where + ": " + error;
    }

    /** Internal errors of this JVM since start. */
    public static long count() {
        return COUNT.sum();
    }
}

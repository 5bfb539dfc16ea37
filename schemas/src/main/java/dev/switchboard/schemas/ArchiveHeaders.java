/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

/**
 * Headers the router sets on records of {@link Topics#EVENTS}, the archive, read by the roles that consume it:
 * the archive keeps every valid event as received, and these say which of them were kept from delivery.
 */
public final class ArchiveHeaders {

    /**
     * An event kept from fan-out: {@code plan} (its tracking plan blocked it) or {@code suppressed} (its user is
     * suppressed). Archived so that nothing is lost, never delivered: not to destinations, not to warehouses.
     */
    public static final String BLOCKED = "sb-blocked";

    /** An event blocked by its plan: its violations as a JSON array. */
    public static final String VIOLATIONS = "sb-violations";

    /**
     * An event the plan step forwarded into another source: {@code violation} (a {@code Violation Generated}
     * call) or {@code blocked} (a blocked event as it came). No plan judges it.
     */
    public static final String FORWARDED = "sb-forwarded";

    /** A forwarded event: the source whose plan forwarded it. */
    public static final String FORWARDED_FROM = "sb-forwarded-from";

    private ArchiveHeaders() {}
}

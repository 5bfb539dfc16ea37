/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.definition;

/** The engine's version, from its jar manifest, and the {@code User-Agent} every request carries. */
public final class EngineVersion {

    /** Used when the engine runs from classes rather than its jar (an IDE, a reactor build). */
    public static final String FALLBACK = "0.1.0";

    private static final String VERSION = find();

    private EngineVersion() {}

    private static String find() {
        String v = EngineVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK : v;
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** {@code Switchboard/<version>}. */
    public static String userAgent() {
        return "Switchboard/" + VERSION;
    }
}

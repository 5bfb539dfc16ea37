/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code dev} when run from classes). */
public final class Version implements IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"switchboard " + current()};
    }
}

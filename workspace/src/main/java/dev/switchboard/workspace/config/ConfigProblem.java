/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

/**
 * One thing wrong with a config file.
 *
 * @param origin the file (or other origin) it came from
 * @param line 1-based line, or 0 when unknown
 * @param path JSON pointer of the key, e.g. {@code /destinations/1/type}
 * @param message what is wrong and, where possible, how to fix it
 */
public record ConfigProblem(String origin, int line, String path, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? origin + ":" + line : origin;
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}

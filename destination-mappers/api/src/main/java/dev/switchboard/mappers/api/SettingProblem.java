/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

/**
 * A problem a destination type finds in a destination's settings or a connection's actions and mapping
 * overrides, before the workspace is published. The type knows where under the destination or connection
 * ({@code path}, e.g. {@code apiKey} or {@code mapping/trackEvent/event}) but not the file: the workspace
 * checks place it there as a {@code ConfigProblem} with its file and line.
 *
 * @param path the key under the destination's {@code settings} or under the connection, {@code /}-separated
 * @param message what is wrong, for a person
 */
public record SettingProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

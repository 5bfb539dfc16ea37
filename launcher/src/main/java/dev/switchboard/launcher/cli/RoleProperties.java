/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Role options: a properties file ({@code --config-file}) and single settings ({@code --set key=value},
 * which win). Keys are {@code switchboard.<role>.*} options, checked by each role's typed config, and
 * {@code kafka.*} client settings.
 */
public final class RoleProperties {

    @Option(names = "--properties", paramLabel = "FILE", description = "Role options as a properties file.")
    Path file;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "One role option, e.g. --set switchboard.router.threads=2.")
    Map<String, String> settings = new HashMap<>();

    /**
     * The file's properties overlaid with {@code --set}; an unknown {@code switchboard.*} key fails here, with
     * the closest valid key ({@link RoleOptions#check}).
     */
    public Map<String, String> read() {
        Map<String, String> all = new HashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k)));
        }
        all.putAll(settings);
        RoleOptions.check(all);
        return all;
    }
}

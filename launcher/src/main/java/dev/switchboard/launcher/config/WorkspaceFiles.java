/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.config;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.fanout.FilterChecks;
import dev.switchboard.schemas.config.ConfigException;
import dev.switchboard.schemas.config.ConfigProblem;
import dev.switchboard.schemas.config.ParsedWorkspace;
import dev.switchboard.schemas.config.WorkspaceConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads and fully checks a workspace file: structure (the parser), destination types and settings
 * (the mappers), and destination filters (compiled as the router will run them).
 */
public final class WorkspaceFiles {

    private WorkspaceFiles() {}

    /**
     * Parses {@code file}, resolving {@code ${VAR}} with {@code env}, and checks every destination
     * against {@code mappers}; every problem found is in the exception, with its line.
     */
    public static ParsedWorkspace load(Path file, UnaryOperator<String> env, MapperRegistry mappers)
            throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "", "no such file")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "", e.toString())));
        }
        WorkspaceConfigParser.Checked checked = WorkspaceConfigParser.check(text, file.toString(), env);
        ParsedWorkspace parsed = checked.parsed();
        List<ConfigProblem> problems = new ArrayList<>(checked.problems());
        problems.addAll(mappers.check(parsed));
        problems.addAll(FilterChecks.check(parsed));
        problems.sort(java.util.Comparator.comparingInt(ConfigProblem::line));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return parsed;
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.workspace.config.ConfigException;
import dev.switchboard.workspace.config.ConfigProblem;
import dev.switchboard.workspace.config.ParsedWorkspace;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads and fully checks a workspace file: structure (the parser) and everything
 * {@link WorkspaceChecks} checks: what {@code config validate} and {@code config apply} report.
 */
public final class WorkspaceFile {

    private WorkspaceFile() {}

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
        problems.addAll(WorkspaceChecks.check(parsed, mappers));
        problems.sort(Comparator.comparingInt(ConfigProblem::line));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return parsed;
    }
}

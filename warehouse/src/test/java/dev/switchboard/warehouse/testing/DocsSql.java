/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL statements of a markdown page: every {@code ```sql} block, split at the {@code ;} that
 * ends a line, with {@code --} comment lines left out. Read from the page itself, so a test that
 * runs them fails when the page and the schema drift apart.
 */
public final class DocsSql {

    private DocsSql() {}

    /** The statements of every {@code ```sql} block of {@code markdown}, in order. */
    public static List<String> statements(Path markdown) {
        List<String> out = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        boolean inSql = false;
        for (String line : lines(markdown)) {
            String t = line.strip();
            if (!inSql) {
                inSql = t.equals("```sql");
                continue;
            }
            if (t.startsWith("```")) {
                if (!statement.toString().isBlank()) {
                    throw new IllegalStateException(markdown + ": a statement without its ';': " + statement);
                }
                inSql = false;
            } else if (!t.startsWith("--") && !t.isEmpty()) {
                statement.append(line).append('\n');
                if (t.endsWith(";")) {
                    out.add(statement.toString().strip().replaceAll(";$", ""));
                    statement.setLength(0);
                }
            }
        }
        return out;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

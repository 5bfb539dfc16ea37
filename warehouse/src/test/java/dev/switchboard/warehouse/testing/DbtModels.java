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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * dbt-style models ({@code models/*.sql}) rendered to plain SQL without dbt, textually:
 * {@code {{ source('web', 'pages') }}} becomes {@code web.pages} (a source's name is its schema, as
 * in examples/warehouse-dbt/models/sources.yml) and {@code {{ ref('sessions') }}} becomes
 * {@code <schema>.sessions}, the view the model of that name is created as. Nothing else of Jinja
 * is understood; a model that uses more fails here.
 */
public final class DbtModels {

    private static final Pattern SOURCE =
            Pattern.compile("\\{\\{\\s*source\\(\\s*'([a-z0-9_]+)'\\s*,\\s*'([a-z0-9_]+)'\\s*\\)\\s*}}");
    private static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([a-z0-9_]+)'\\s*\\)\\s*}}");

    /** A model: its name (the file's, without {@code .sql}), its SQL as written, the models it refers to. */
    public record Model(String name, String sql, List<String> refs) {

        /** The plain SQL, with the models it refers to in {@code schema}. */
        public String render(String schema) {
            String s = SOURCE.matcher(sql).replaceAll("$1.$2");
            s = REF.matcher(s).replaceAll(schema + ".$1");
            if (s.contains("{{") || s.contains("{%")) {
                throw new IllegalStateException(name + ": Jinja other than source() and ref(): " + s);
            }
            return s;
        }
    }

    private DbtModels() {}

    /** Every model of {@code dir}, each after the models it refers to. */
    public static List<Model> inOrder(Path dir) {
        Map<String, Model> byName = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String name = p.getFileName().toString().replaceAll("\\.sql$", "");
                String sql = Files.readString(p);
                List<String> refs = new ArrayList<>();
                Matcher m = REF.matcher(sql);
                while (m.find()) {
                    refs.add(m.group(1));
                }
                byName.put(name, new Model(name, sql, refs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Model> ordered = new LinkedHashMap<>();
        for (Model m : byName.values()) {
            visit(m, byName, ordered, new ArrayList<>());
        }
        return List.copyOf(ordered.values());
    }

    private static void visit(Model m, Map<String, Model> all, Map<String, Model> done, List<String> path) {
        if (done.containsKey(m.name())) {
            return;
        }
        if (path.contains(m.name())) {
            throw new IllegalStateException("models refer to each other in a cycle: " + path);
        }
        path.add(m.name());
        for (String r : m.refs()) {
            Model dep = all.get(r);
            if (dep == null) {
                throw new IllegalStateException(m.name() + " refers to no model: " + r);
            }
            visit(dep, all, done, path);
        }
        path.remove(m.name());
        done.put(m.name(), m);
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The resources of one rendered kustomization, as trees. */
record Rendered(String source, List<JsonNode> resources) {

    static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    /** Renders {@code deploy/<dir>} with kustomize (once per test run: the files do not change). */
    static Rendered of(String dir) {
        return RENDERED.computeIfAbsent(dir, d -> parse(d, Kustomize.build(d)));
    }

    static Rendered parse(String source, String yaml) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(new StringReader(yaml))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read what kustomize rendered for " + source, e);
        }
        return new Rendered(source, out);
    }

    List<JsonNode> ofKind(String kind) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()))
                .toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(source + " has no " + kind + " " + name));
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static String id(JsonNode resource) {
        return resource.path("kind").asText() + " " + name(resource);
    }
}

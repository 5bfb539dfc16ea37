/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one fixture set of the call rules ({@code calls/src/test/resources/rules/<case>.json}), run
 * against {@link CallRules} here and against the tracking API and the router in their modules, so
 * that the two can never judge a call differently.
 */
public final class RuleFixtures {

    /** One case: a call (with its {@code type}) and the code it gets, or {@code ok}. */
    public record Case(String name, String description, ObjectNode call, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleFixtures() {}

    /** Every case, by name; {@code moduleDir} is the running module's folder (Maven's working directory). */
    public static List<Case> all(Path moduleDir) {
        Path dir = moduleDir.resolve("../calls/src/test/resources/rules").normalize();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(RuleFixtures::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Case read(Path file) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
            String name = file.getFileName().toString().replace(".json", "");
            return new Case(
                    name,
                    node.path("description").asText(),
                    (ObjectNode) node.get("call"),
                    node.path("expected").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

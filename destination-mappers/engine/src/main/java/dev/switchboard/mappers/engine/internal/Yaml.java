/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** Strict YAML reading: unknown keys and wrong types are errors that name the file and the key. */
public final class Yaml {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {}

    /** Parses one YAML document into a JSON tree; fails with the file name and the parser's location. */
    public static JsonNode read(String file, byte[] content) throws DestinationDefinitionException {
        try {
            JsonNode node = MAPPER.readTree(content);
            if (node == null || !node.isObject()) {
                throw new DestinationDefinitionException(file, "must be a YAML mapping (key: value lines)");
            }
            return node;
        } catch (IOException e) {
            throw new DestinationDefinitionException(file, "is not valid YAML: " + e.getMessage());
        }
    }

    /** Fails when {@code node} has a key outside {@code allowed}. */
    public static void onlyKeys(String file, String where, JsonNode node, String... allowed)
            throws DestinationDefinitionException {
        List<String> known = List.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new DestinationDefinitionException(
                        file, "unknown key '" + key + "' in " + where + "; allowed keys: " + known);
            }
        }
    }

    /** A required non-empty string. */
    public static String text(String file, JsonNode node, String key) throws DestinationDefinitionException {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DestinationDefinitionException(file, "needs '" + key + "' (a non-empty string)");
        }
        return value.asText();
    }

    /** An optional string, or {@code fallback}. */
    public static String text(String file, JsonNode node, String key, String fallback)
            throws DestinationDefinitionException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new DestinationDefinitionException(file, "'" + key + "' must be a string");
        }
        return value.asText();
    }

    /** An optional positive integer, or {@code fallback}. */
    public static int positive(String file, JsonNode node, String key, int fallback)
            throws DestinationDefinitionException {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < 1 || !value.isIntegralNumber()) {
            throw new DestinationDefinitionException(file, "'" + key + "' must be a positive whole number");
        }
        return value.asInt();
    }
}

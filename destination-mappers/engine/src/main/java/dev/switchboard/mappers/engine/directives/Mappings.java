/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a mapping (raw JSON mixed with directives) into a {@link Resolver}. An object whose only key
 * starts with {@code @} is a directive; any other object or array is resolved member by member, and a
 * member that resolves to undefined is dropped.
 */
public final class Mappings {

    static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private static final Map<String, Directive> DIRECTIVES = index(List.of(
            new PathDirective(),
            new TemplateDirective(),
            new IfDirective(),
            new CaseDirective(),
            new LiteralDirective(),
            new MergeDirective(),
            new JsonDirective(),
            new ArrayPathDirective(),
            new FlattenDirective(),
            new LookupDirective(),
            new OmitDirective(),
            new ReplaceDirective(),
            new CoerceDirective("@string"),
            new CoerceDirective("@number"),
            new CoerceDirective("@integer"),
            new CoerceDirective("@boolean"),
            new DatetimeDirective(),
            new MathDirective(),
            new CompactDirective(),
            new MapValuesDirective(),
            new HashDirective()));

    private Mappings() {}

    private static Map<String, Directive> index(List<Directive> directives) {
        Map<String, Directive> byName = new TreeMap<>();
        directives.forEach(d -> byName.put(d.name(), d));
        return byName;
    }

    /** A new empty object node of the engine's node factory. */
    public static ObjectNode emptyObject() {
        return JSON.objectNode();
    }

    /** The names of every directive, for docs and error messages. */
    public static java.util.Set<String> directiveNames() {
        return DIRECTIVES.keySet();
    }

    /** Compiles a mapping; fails on an unknown directive or a malformed argument. */
    public static Resolver compile(JsonNode mapping) throws MappingDefinitionException {
        if (mapping == null || mapping.isMissingNode()) {
            return scope -> null;
        }
        if (mapping.isObject()) {
            Iterator<String> names = mapping.fieldNames();
            String first = names.hasNext() ? names.next() : null;
            if (first != null && first.startsWith("@")) {
                if (mapping.size() != 1) {
                    throw new MappingDefinitionException(
                            "a directive object has exactly one key; '" + first + "' has siblings: " + mapping);
                }
                Directive directive = DIRECTIVES.get(first);
                if (directive == null) {
                    throw new MappingDefinitionException(
                            "unknown directive '" + first + "'; known directives: " + DIRECTIVES.keySet());
                }
                return directive.compile(mapping.get(first));
            }
            return compileObject((ObjectNode) mapping);
        }
        if (mapping.isArray()) {
            return compileArray((ArrayNode) mapping);
        }
        return scope -> mapping;
    }

    private static Resolver compileObject(ObjectNode mapping) throws MappingDefinitionException {
        Map<String, Resolver> members = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("@")) {
                throw new MappingDefinitionException("a directive key '" + e.getKey()
                        + "' must be the only key of its object; quote it and nest it under a field name");
            }
            members.put(e.getKey(), compile(e.getValue()));
        }
        return scope -> {
            ObjectNode out = JSON.objectNode();
            members.forEach((key, resolver) -> {
                JsonNode value = resolver.resolve(scope);
                if (value != null) {
                    out.set(key, value);
                }
            });
            return out;
        };
    }

    private static Resolver compileArray(ArrayNode mapping) throws MappingDefinitionException {
        List<Resolver> elements = new ArrayList<>();
        for (JsonNode element : mapping) {
            elements.add(compile(element));
        }
        return scope -> {
            ArrayNode out = JSON.arrayNode();
            for (Resolver element : elements) {
                JsonNode value = element.resolve(scope);
                if (value != null) {
                    out.add(value);
                }
            }
            return out;
        };
    }

    /** The argument object's member {@code key}, compiled; undefined when absent. */
    static Resolver member(JsonNode arg, String key, boolean required, String directive)
            throws MappingDefinitionException {
        JsonNode value = arg.get(key);
        if (value == null && required) {
            throw new MappingDefinitionException(directive + " needs '" + key + "': " + arg);
        }
        return compile(value);
    }

    /** Fails unless {@code arg} is an object whose keys are all in {@code allowed}. */
    static void requireObject(JsonNode arg, String directive, String... allowed) throws MappingDefinitionException {
        if (arg == null || !arg.isObject()) {
            throw new MappingDefinitionException(
                    directive + " takes an object with " + String.join(", ", allowed) + "; got: " + arg);
        }
        List<String> known = List.of(allowed);
        for (Iterator<String> it = arg.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new MappingDefinitionException(
                        directive + " has no option '" + key + "'; its options are " + known);
            }
        }
    }

    /** A string option that must be one of {@code values}; {@code fallback} when absent. */
    static String option(JsonNode arg, String key, String fallback, String directive, String... values)
            throws MappingDefinitionException {
        JsonNode value = arg.get(key);
        if (value == null) {
            if (fallback == null) {
                throw new MappingDefinitionException(directive + " needs '" + key + "', one of " + List.of(values));
            }
            return fallback;
        }
        if (!value.isTextual() || !List.of(values).contains(value.asText())) {
            throw new MappingDefinitionException(
                    directive + " '" + key + "' must be one of " + List.of(values) + "; got: " + value);
        }
        return value.asText();
    }
}

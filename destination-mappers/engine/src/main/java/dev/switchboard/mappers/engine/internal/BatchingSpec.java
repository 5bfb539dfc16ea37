/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.engine.DestinationDefinitionException;
import dev.switchboard.mappers.engine.directives.MappingDefinitionException;
import dev.switchboard.mappers.engine.directives.Mappings;
import dev.switchboard.mappers.engine.directives.Resolver;
import dev.switchboard.mappers.engine.directives.Scope;

/**
 * The {@code batching:} block: {@code format} (json-array, ndjson, wrapped), {@code maxEvents},
 * {@code maxBytes}, and for wrapped bodies {@code wrapper} (a mapping, resolved per request) and
 * {@code wrapperPath} (where the items go, e.g. {@code events}). {@code enabled} (a boolean mapping, default
 * true) and {@code maxEvents} may read settings, so that one destination instance batches and another
 * does not.
 *
 * @param format how items combine
 * @param maxEvents most items per call
 * @param maxBytes most body bytes per call
 * @param wrapper the wrapper object's mapping, or null
 * @param wrapperPath the dotted path of the items array in the wrapper, or null
 * @param enabled whether a request batches (resolves to a boolean; undefined means true)
 * @param maxEventsSetting the per-instance most items per call, or a resolver of undefined
 */
public record BatchingSpec(
        BatchSpec.Format format,
        int maxEvents,
        int maxBytes,
        Resolver wrapper,
        String wrapperPath,
        Resolver enabled,
        Resolver maxEventsSetting) {

    /** Parses the block; null or {@code false} means no batching. */
    public static BatchingSpec parse(String file, JsonNode node) throws DestinationDefinitionException {
        if (node == null || (node.isBoolean() && !node.asBoolean())) {
            return null;
        }
        if (!node.isObject()) {
            throw new DestinationDefinitionException(
                    file, "'batching' must be a mapping (format, maxEvents, maxBytes) or false");
        }
        Yaml.onlyKeys(file, "batching", node, "enabled", "format", "maxEvents", "maxBytes", "wrapper", "wrapperPath");
        BatchSpec.Format format =
                switch (Yaml.text(file, node, "format")) {
                    case "json-array" -> BatchSpec.Format.JSON_ARRAY;
                    case "ndjson" -> BatchSpec.Format.NDJSON;
                    case "wrapped" -> BatchSpec.Format.WRAPPED;
                    default ->
                        throw new DestinationDefinitionException(
                                file, "batching.format must be json-array, ndjson or wrapped");
                };
        boolean dynamicMax = node.path("maxEvents").isObject();
        int maxEvents = dynamicMax ? 100 : Yaml.positive(file, node, "maxEvents", 100);
        int maxBytes = Yaml.positive(file, node, "maxBytes", 500_000);
        try {
            Resolver enabled = Mappings.compile(node.get("enabled"));
            Resolver maxSetting = dynamicMax ? Mappings.compile(node.get("maxEvents")) : s -> null;
            if (format != BatchSpec.Format.WRAPPED) {
                if (node.has("wrapper") || node.has("wrapperPath")) {
                    throw new DestinationDefinitionException(
                            file, "batching.wrapper and wrapperPath are only for format: wrapped");
                }
                return new BatchingSpec(format, maxEvents, maxBytes, null, null, enabled, maxSetting);
            }
            if (!node.path("wrapper").isObject()) {
                throw new DestinationDefinitionException(
                        file, "batching.wrapper (an object) is needed for format: wrapped");
            }
            Resolver wrapper = Mappings.compile(node.get("wrapper"));
            return new BatchingSpec(
                    format, maxEvents, maxBytes, wrapper, Yaml.text(file, node, "wrapperPath"), enabled, maxSetting);
        } catch (MappingDefinitionException e) {
            throw new DestinationDefinitionException(file, "batching: " + e.getMessage());
        }
    }

    /** Whether this request batches. */
    public boolean enabled(Scope scope) {
        JsonNode v = enabled.resolve(scope);
        return v == null || v.isNull() || v.asBoolean(true);
    }

    /** The most items per call for this request. */
    public int maxEvents(Scope scope) {
        JsonNode v = maxEventsSetting.resolve(scope);
        return v != null && v.canConvertToInt() && v.asInt() > 0 ? v.asInt() : maxEvents;
    }
}

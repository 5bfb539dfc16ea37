/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import dev.switchboard.mappers.engine.directives.MappingDefinitionException;
import dev.switchboard.mappers.engine.directives.Mappings;
import dev.switchboard.mappers.engine.directives.Resolver;
import dev.switchboard.mappers.engine.directives.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code batching:} block: {@code format} (json-array, ndjson, wrapped), {@code maxEvents},
 * {@code maxBytes}, and for wrapped bodies {@code wrapper} (a mapping, resolved per request) and
 * {@code wrapperPath} (where the items go, e.g. {@code events}). {@code enabled} (a boolean mapping, default
 * true) and {@code maxEvents} may read settings, so that one destination instance batches and another
 * does not. {@code partialFailure} (optional) says how the destination reports the failed items of a
 * batch: {@code status} (the answers that may be partial: 400-599, or a 2xx when the vendor answers a
 * partial failure with a success, as Pinterest's 200 and Customer.io's 207), {@code failedIndexes} (paths
 * into the response JSON giving 0-based item indexes: {@code $}, then {@code .key}, {@code .*} over an
 * object's values and {@code [*]} over an array's elements, and optionally a last {@code [?key=value]}: the
 * positions of the array's elements whose {@code key} is {@code value}, or a last {@code ~ /regex/}: the
 * regex's first group, found in each text the path reaches, is the index, as in Klaviyo's
 * {@code $.errors[*].source.pointer ~ /^/data/attributes/events-bulk-create/data/(\d+)(/|$)/}), {@code itemId}
 * and {@code failedIds} for vendors that name failed items by id (HubSpot: {@code itemId: $.id}, a path
 * into each item as sent, and {@code failedIds}: paths as failedIndexes, without a filter, giving the ids)
 * and {@code others} ({@code delivered} or {@code retry}; {@code retry} is refused with a 2xx status, since
 * a 2xx says the vendor took the items it does not name and sending them again would duplicate them).
 *
 * @param format how items combine
 * @param maxEvents most items per call
 * @param maxBytes most body bytes per call
 * @param wrapper the wrapper object's mapping, or null
 * @param wrapperPath the dotted path of the items array in the wrapper, or null
 * @param enabled whether a request batches (resolves to a boolean; undefined means true)
 * @param maxEventsSetting the per-instance most items per call, or a resolver of undefined
 * @param partialFailure how the destination reports failed items, or null
 */
public record BatchingSpec(
        BatchSpec.Format format,
        int maxEvents,
        int maxBytes,
        Resolver wrapper,
        String wrapperPath,
        Resolver enabled,
        Resolver maxEventsSetting,
        BatchSpec.PartialFailure partialFailure) {

    /** {@code $} followed by {@code .key}, {@code .*} and {@code [*]} steps. */
    static final Pattern INDEX_PATH = Pattern.compile("\\$(\\.([A-Za-z0-9_$@-]+|\\*)|\\[\\*])+");

    /**
     * {@link #INDEX_PATH}, or {@code $} and such steps followed by one {@code [?key=value]} (a key as in
     * {@code .key}, a value without {@code ]}): the positions of an array's elements whose member is value.
     */
    static final Pattern FAILED_INDEX_PATH =
            Pattern.compile("\\$(\\.([A-Za-z0-9_$@-]+|\\*)|\\[\\*])*(\\[\\?[A-Za-z0-9_$@-]+=[^\\]]+])?");

    /** {@code $} followed by {@code .key} steps only: one value of an item, for {@code itemId}. */
    static final Pattern ITEM_ID_PATH = Pattern.compile("\\$(\\.[A-Za-z0-9_$@-]+)+");

    /** A path's last part {@code ~ /regex/}: the text after the path and the regex between the slashes. */
    private static final Pattern CAPTURE = Pattern.compile("(.*?) ~ /(.*)/");

    /** Parses the block; null or {@code false} means no batching. */
    public static BatchingSpec parse(String file, JsonNode node) throws DestinationDefinitionException {
        if (node == null || (node.isBoolean() && !node.asBoolean())) {
            return null;
        }
        if (!node.isObject()) {
            throw new DestinationDefinitionException(
                    file, "'batching' must be a mapping (format, maxEvents, maxBytes) or false");
        }
        Yaml.onlyKeys(
                file,
                "batching",
                node,
                "enabled",
                "format",
                "maxEvents",
                "maxBytes",
                "wrapper",
                "wrapperPath",
                "partialFailure");
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
        BatchSpec.PartialFailure partialFailure = partialFailure(file, node.get("partialFailure"));
        try {
            Resolver enabled = Mappings.compile(node.get("enabled"));
            Resolver maxSetting = dynamicMax ? Mappings.compile(node.get("maxEvents")) : s -> null;
            if (format != BatchSpec.Format.WRAPPED) {
                if (node.has("wrapper") || node.has("wrapperPath")) {
                    throw new DestinationDefinitionException(
                            file, "batching.wrapper and wrapperPath are only for format: wrapped");
                }
                return new BatchingSpec(format, maxEvents, maxBytes, null, null, enabled, maxSetting, partialFailure);
            }
            if (!node.path("wrapper").isObject()) {
                throw new DestinationDefinitionException(
                        file, "batching.wrapper (an object) is needed for format: wrapped");
            }
            Resolver wrapper = Mappings.compile(node.get("wrapper"));
            return new BatchingSpec(
                    format,
                    maxEvents,
                    maxBytes,
                    wrapper,
                    Yaml.text(file, node, "wrapperPath"),
                    enabled,
                    maxSetting,
                    partialFailure);
        } catch (MappingDefinitionException e) {
            throw new DestinationDefinitionException(file, "batching: " + e.getMessage());
        }
    }

    /** The {@code partialFailure:} block, or null when there is none. */
    static BatchSpec.PartialFailure partialFailure(String file, JsonNode node) throws DestinationDefinitionException {
        if (node == null || node.isNull()) {
            return null;
        }
        String where = "batching.partialFailure";
        if (!node.isObject()) {
            throw new DestinationDefinitionException(
                    file, where + " must be a mapping (status, failedIndexes, others)");
        }
        Yaml.onlyKeys(file, where, node, "status", "failedIndexes", "others", "itemId", "failedIds");
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode s : list(file, where + ".status", node.get("status"))) {
            if (!s.isIntegralNumber() || !(success(s.asInt()) || (s.asInt() >= 400 && s.asInt() <= 599))) {
                throw new DestinationDefinitionException(
                        file, where + ".status must list HTTP statuses from 200 to 299 or from 400 to 599, not " + s);
            }
            statuses.add(s.asInt());
        }
        if (!node.has("failedIndexes") && !node.has("failedIds")) {
            throw new DestinationDefinitionException(file, where + " needs failedIndexes or failedIds");
        }
        List<String> paths = node.has("failedIndexes")
                ? paths(file, where + ".failedIndexes", node.get("failedIndexes"), FAILED_INDEX_PATH)
                : List.of();
        List<String> idPaths = node.has("failedIds")
                ? paths(file, where + ".failedIds", node.get("failedIds"), INDEX_PATH)
                : List.of();
        String itemId = node.has("itemId") ? Yaml.text(file, node, "itemId") : null;
        if (itemId != null && !ITEM_ID_PATH.matcher(itemId).matches()) {
            throw new DestinationDefinitionException(
                    file,
                    where + ".itemId: " + itemId
                            + " is not a path like $.id or $.properties.email ($, then .key steps)");
        }
        if ((itemId == null) != idPaths.isEmpty()) {
            throw new DestinationDefinitionException(
                    file,
                    where + ": itemId and failedIds go together (itemId reads each item's id as sent, failedIds"
                            + " the ids of the failed items in the answer)");
        }
        BatchSpec.Others others =
                switch (Yaml.text(file, node, "others")) {
                    case "delivered" -> BatchSpec.Others.DELIVERED;
                    case "retry" -> BatchSpec.Others.RETRY;
                    default ->
                        throw new DestinationDefinitionException(file, where + ".others must be delivered or retry");
                };
        if (others == BatchSpec.Others.RETRY) {
            for (int status : statuses) {
                if (success(status)) {
                    throw new DestinationDefinitionException(
                            file,
                            where + ": others: retry cannot go with status " + status
                                    + ": a 2xx says the vendor took the items it does not name, and sending them"
                                    + " again would deliver them twice (use others: delivered)");
                }
            }
        }
        return new BatchSpec.PartialFailure(statuses, paths, others, itemId, idPaths);
    }

    /**
     * The paths of {@code node} (one or a list), each {@code path} or {@code path ~ /regex/} with a regex
     * that compiles and has a capture group.
     */
    private static List<String> paths(String file, String where, JsonNode node, Pattern path)
            throws DestinationDefinitionException {
        List<String> paths = new ArrayList<>();
        for (JsonNode p : list(file, where, node)) {
            String text = p.isTextual() ? p.asText() : "";
            Matcher capture = CAPTURE.matcher(text);
            String bare = capture.matches() ? capture.group(1) : text;
            if (bare.equals("$") || !path.matcher(bare).matches()) {
                throw new DestinationDefinitionException(
                        file,
                        where + ": " + p + " is not a path like $.failed_records[*].index,"
                                + " $.events[?status=failed] or $.errors[*].source.pointer ~ /data/(\\d+)/ ($, then"
                                + " .key, .* or [*] steps, and optionally a last [?key=value] or ~ /regex/)");
            }
            if (capture.matches()) {
                regex(file, where, text, capture.group(2));
            }
            paths.add(text);
        }
        return paths;
    }

    private static void regex(String file, String where, String path, String regex)
            throws DestinationDefinitionException {
        if (bareFilter(path)) {
            throw new DestinationDefinitionException(
                    file, where + ": " + path + " has both a [?key=value] filter and ~ /regex/; use one");
        }
        try {
            if (Pattern.compile(regex).matcher("").groupCount() < 1) {
                throw new DestinationDefinitionException(
                        file,
                        where + ": the regex of " + path
                                + " needs a capture group, e.g. (\\d+): its first group is the index or id");
            }
        } catch (PatternSyntaxException e) {
            throw new DestinationDefinitionException(
                    file, where + ": the regex of " + path + " is malformed: " + e.getDescription());
        }
    }

    private static boolean bareFilter(String path) {
        Matcher capture = CAPTURE.matcher(path);
        return capture.matches() && capture.group(1).contains("[?");
    }

    private static boolean success(int status) {
        return status >= 200 && status <= 299;
    }

    private static List<JsonNode> list(String file, String where, JsonNode node) throws DestinationDefinitionException {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && !node.isArray()) {
            out.add(node);
        } else if (node != null) {
            node.forEach(out::add);
        }
        if (out.isEmpty()) {
            throw new DestinationDefinitionException(file, where + " needs at least one entry");
        }
        return out;
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

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.mappers.api.SuccessBody;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import dev.switchboard.mappers.engine.directives.JsonPath;
import dev.switchboard.mappers.engine.directives.MappingDefinitionException;
import dev.switchboard.mappers.engine.directives.Mappings;
import dev.switchboard.mappers.engine.directives.Resolver;
import dev.switchboard.mappers.engine.directives.Scope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action file: {@code trigger} (FQL), {@code required} event fields (a path, or a list of
 * alternative paths), {@code fields} (named default mappings a connection may later override, read as
 * {@code $fields.name}), an optional {@code batching} override, an optional {@code each} (a mapping that
 * resolves to a list: one request, or batch item, per element, with {@code $item} the element and
 * {@code $index} its 0-based position in fields and request), and the {@code request} template (method,
 * url, query, headers, body, and {@code encoding}: {@code json}, the default, or {@code form} for
 * {@code application/x-www-form-urlencoded} bodies), and an optional {@code response.success} ({@code path},
 * {@code values}): how a vendor that answers 2xx while rejecting says success in its body, and an optional
 * {@code lookup} (a read before the write, see {@link LookupTemplate}).
 *
 * @param name the action name (file name without {@code .yaml})
 * @param description one line for docs
 * @param trigger when the action runs
 * @param required fields the event must have, each a list of alternatives
 * @param fields named default mappings
 * @param request the request template
 * @param batching this action's batching, null for one event per call
 * @param each the list to render one request per element of, or null for one request
 * @param success how a 2xx answer's body tells success, or null when every 2xx answer is one
 * @param lookup the read sent before the request, or null
 */
public record ActionSpec(
        String name,
        String description,
        Trigger trigger,
        List<List<JsonPath>> required,
        Map<String, Resolver> fields,
        RequestTemplate request,
        BatchingSpec batching,
        Resolver each,
        SuccessBody success,
        LookupTemplate lookup) {

    /** What stands for the value a lookup found: {@code $lookup}, read in the request's URL only. */
    public static final String LOOKUP_NAME = "lookup";

    /**
     * The request template.
     *
     * @param method the HTTP method mapping (POST when undefined)
     * @param url the URL mapping (a string once resolved)
     * @param query query parameters (an object once resolved), or undefined
     * @param headers extra headers (an object once resolved), or undefined
     * @param body the body (or batch item) mapping
     * @param form whether the body is sent form-encoded (an object of fields) instead of as JSON
     */
    public record RequestTemplate(
            Resolver method, Resolver url, Resolver query, Resolver headers, Resolver body, boolean form) {

        /** Compiles a request block ({@code method}, {@code url}, {@code query}, {@code headers}, {@code body}). */
        static RequestTemplate compile(String file, String where, JsonNode req, boolean form)
                throws DestinationDefinitionException, MappingDefinitionException {
            if (!req.has("url")) {
                throw new DestinationDefinitionException(file, where + " needs 'url'");
            }
            return new RequestTemplate(
                    Mappings.compile(req.get("method")),
                    Mappings.compile(req.get("url")),
                    Mappings.compile(req.get("query")),
                    Mappings.compile(req.get("headers")),
                    Mappings.compile(req.get("body")),
                    form);
        }
    }

    /**
     * The {@code lookup:} block: {@code request} (the read: method, url, query, headers, body), {@code found}
     * (where the value is in its JSON answer), {@code notFound} (statuses meaning none, 400-499),
     * {@code otherwise} (the request sent when nothing is found), and {@code retry} (statuses, 400-499, of the
     * write's answer that retry the whole exchange). The action's {@code request} is then the one sent when a
     * value is found, and reads it as {@code $lookup} in its {@code url}.
     *
     * @param request the lookup request
     * @param found the path of the value in the lookup's answer
     * @param notFound lookup statuses that mean nothing was found
     * @param otherwise the request sent when nothing was found
     * @param retry write statuses that retry the exchange
     */
    public record LookupTemplate(
            RequestTemplate request,
            String found,
            List<Integer> notFound,
            RequestTemplate otherwise,
            List<Integer> retry) {

        static LookupTemplate parse(String file, JsonNode node, JsonNode main, BatchingSpec batching, boolean form)
                throws DestinationDefinitionException, MappingDefinitionException {
            if (!node.isObject()) {
                throw new DestinationDefinitionException(
                        file, "lookup must be an object with 'request', 'found' and 'otherwise'");
            }
            Yaml.onlyKeys(file, "lookup", node, "request", "found", "notFound", "otherwise", "retry");
            if (batching != null) {
                throw new DestinationDefinitionException(
                        file, "an action with a lookup sends one event per exchange; set batching: false");
            }
            if (form) {
                throw new DestinationDefinitionException(
                        file, "an action with a lookup sends JSON; remove encoding: form");
            }
            JsonNode request = node.get("request");
            JsonNode otherwise = node.get("otherwise");
            if (request == null || !request.isObject() || otherwise == null || !otherwise.isObject()) {
                throw new DestinationDefinitionException(
                        file,
                        "lookup needs 'request' (the read) and 'otherwise' (the request sent when nothing is found),"
                                + " each with at least 'url'");
            }
            Yaml.onlyKeys(file, "lookup.request", request, "method", "url", "query", "headers", "body");
            Yaml.onlyKeys(file, "lookup.otherwise", otherwise, "method", "url", "query", "headers", "body");
            String found = Yaml.text(file, node, "found");
            if (!BatchingSpec.INDEX_PATH.matcher(found).matches()) {
                throw new DestinationDefinitionException(
                        file,
                        "lookup.found: " + found + " is not a path like $.data[*].id ($, then .key, .* or [*] steps)");
            }
            if (!main.path("url").toString().contains("$" + LOOKUP_NAME)) {
                throw new DestinationDefinitionException(
                        file, "request.url must read the value found, e.g. '{{$endpoint}}/contacts/{{$lookup}}'");
            }
            for (String other : List.of("query", "headers", "body")) {
                if (mentions(main.get(other))) {
                    throw new DestinationDefinitionException(
                            file, "request." + other + " reads $lookup, which only request.url may read");
                }
            }
            if (mentionsLookup(request) || mentionsLookup(otherwise)) {
                throw new DestinationDefinitionException(
                        file, "lookup.request and lookup.otherwise cannot read $lookup: nothing is found yet");
            }
            return new LookupTemplate(
                    RequestTemplate.compile(file, "lookup.request", request, false),
                    found,
                    statuses(file, "lookup.notFound", node.get("notFound")),
                    RequestTemplate.compile(file, "lookup.otherwise", otherwise, false),
                    statuses(file, "lookup.retry", node.get("retry")));
        }

        private static List<Integer> statuses(String file, String where, JsonNode node)
                throws DestinationDefinitionException {
            List<Integer> out = new ArrayList<>();
            if (node == null) {
                return out;
            }
            for (JsonNode s : node.isArray() ? node : List.of(node)) {
                if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 400 || s.asInt() > 499) {
                    throw new DestinationDefinitionException(
                            file, where + ": " + s + " is not a status from 400 to 499 (5xx and 429 retry anyway)");
                }
                out.add(s.asInt());
            }
            return out;
        }
    }

    /** Whether a request block's mappings read {@code $lookup}. */
    private static boolean mentionsLookup(JsonNode request) {
        return mentions(request.get("url"))
                || mentions(request.get("query"))
                || mentions(request.get("headers"))
                || mentions(request.get("body"));
    }

    private static boolean mentions(JsonNode mapping) {
        return mapping != null && mapping.toString().contains("$" + LOOKUP_NAME);
    }

    /** Parses an action file; {@code inherited} is the destination's batching. */
    public static ActionSpec parse(String file, String name, JsonNode node, BatchingSpec inherited)
            throws DestinationDefinitionException {
        Yaml.onlyKeys(
                file,
                "the action",
                node,
                "description",
                "trigger",
                "required",
                "fields",
                "batching",
                "each",
                "request",
                "response",
                "lookup");
        Trigger trigger = Trigger.parse(file, Yaml.text(file, node, "trigger"));
        BatchingSpec batching = node.has("batching") ? BatchingSpec.parse(file, node.get("batching")) : inherited;
        JsonNode req = node.get("request");
        if (req == null || !req.isObject()) {
            throw new DestinationDefinitionException(file, "needs 'request' with at least 'url'");
        }
        Yaml.onlyKeys(file, "request", req, "method", "url", "query", "headers", "body", "encoding");
        JsonNode lookupNode = node.get("lookup");
        String encoding = Yaml.text(file, req, "encoding", "json");
        if (!encoding.equals("json") && !encoding.equals("form")) {
            throw new DestinationDefinitionException(file, "request.encoding must be json or form, not " + encoding);
        }
        boolean form = encoding.equals("form");
        if (form && batching != null) {
            throw new DestinationDefinitionException(
                    file, "a form-encoded request cannot batch (items combine as JSON); set batching: false");
        }
        try {
            Map<String, Resolver> fields = new LinkedHashMap<>();
            if (node.has("fields")) {
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                node.get("fields").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    fields.put(f.getKey(), Mappings.compile(f.getValue()));
                }
            }
            RequestTemplate template = RequestTemplate.compile(file, "request", req, form);
            LookupTemplate lookup =
                    lookupNode == null ? null : LookupTemplate.parse(file, lookupNode, req, batching, form);
            if (lookup == null && mentionsLookup(req)) {
                throw new DestinationDefinitionException(
                        file, "request reads $lookup, but the action has no 'lookup' to find it");
            }
            return new ActionSpec(
                    name,
                    Yaml.text(file, node, "description", ""),
                    trigger,
                    required(file, node.get("required")),
                    fields,
                    template,
                    batching,
                    node.has("each") ? Mappings.compile(node.get("each")) : null,
                    success(file, node.get("response")),
                    lookup);
        } catch (MappingDefinitionException e) {
            throw new DestinationDefinitionException(file, e.getMessage());
        }
    }

    /** The {@code response:} block's {@code success} check, or null. */
    static SuccessBody success(String file, JsonNode node) throws DestinationDefinitionException {
        if (node == null || node.isNull()) {
            return null;
        }
        Yaml.onlyKeys(file, "response", node, "success");
        JsonNode success = node.get("success");
        if (success == null || !success.isObject()) {
            throw new DestinationDefinitionException(
                    file, "response needs 'success' with 'path' and 'values', e.g. { path: $.status, values: [1] }");
        }
        Yaml.onlyKeys(file, "response.success", success, "path", "values");
        String path = Yaml.text(file, success, "path");
        if (!BatchingSpec.INDEX_PATH.matcher(path).matches()) {
            throw new DestinationDefinitionException(
                    file,
                    "response.success.path: " + path + " is not a path like $.status ($, then .key, .* or [*] steps)");
        }
        JsonNode values = success.get("values");
        List<String> texts = new ArrayList<>();
        if (values != null) {
            for (JsonNode v : values.isArray() ? values : List.of(values)) {
                if (!v.isValueNode() || v.isNull()) {
                    throw new DestinationDefinitionException(
                            file, "response.success.values must be numbers, strings or booleans, not " + v);
                }
                texts.add(v.toString());
            }
        }
        if (texts.isEmpty()) {
            throw new DestinationDefinitionException(file, "response.success needs 'values', e.g. [1]");
        }
        return new SuccessBody(path, texts);
    }

    private static List<List<JsonPath>> required(String file, JsonNode node)
            throws DestinationDefinitionException, MappingDefinitionException {
        List<List<JsonPath>> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw new DestinationDefinitionException(
                    file, "'required' must be a list of paths ($.event) or of lists of alternatives");
        }
        for (JsonNode entry : node) {
            List<JsonPath> alternatives = new ArrayList<>();
            for (JsonNode p : entry.isArray() ? entry : List.of(entry)) {
                alternatives.add(JsonPath.parse(p.asText()));
            }
            out.add(alternatives);
        }
        return out;
    }

    /** Fails when the event lacks a required field (absent, null or empty text). */
    public void checkRequired(Scope scope, String slug) throws PayloadInvalidException {
        for (List<JsonPath> alternatives : required) {
            boolean present = alternatives.stream().map(p -> p.read(scope)).anyMatch(ActionSpec::present);
            if (!present) {
                String field = alternatives.get(0).field();
                String names = alternatives.stream()
                        .map(JsonPath::field)
                        .reduce((a, b) -> a + "' or '" + b)
                        .orElse(field);
                throw new PayloadInvalidException(
                        field, slug + "/" + name + " needs '" + names + "', which the event lacks");
            }
        }
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty());
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.mappers.api.BatchBodies;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.api.Lookup;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.engine.definition.EngineVersion;
import dev.switchboard.mappers.engine.directives.MappingFailure;
import dev.switchboard.mappers.engine.directives.Resolver;
import dev.switchboard.mappers.engine.directives.Scope;
import dev.switchboard.schemas.JsonNumbers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns an action's request template, resolved for one event, into a {@link MappedRequest}. */
public final class RequestRenderer {

    private static final ObjectMapper MAPPER = JsonNumbers.mapper(); // numbers as JavaScript writes them

    private final AuthSpec auth;

    public RequestRenderer(AuthSpec auth) {
        this.auth = auth;
    }

    /**
     * Renders one request; {@code scope} already holds settings, endpoint and fields. A body that is
     * the whole event is {@code eventJson} when given (the event as the router wrote it), not written again.
     */
    public MappedRequest render(
            ActionSpec action, Scope scope, String messageId, String destinationId, byte[] eventJson) {
        ActionSpec.RequestTemplate t = action.request();
        ActionSpec.LookupTemplate lookupTemplate = action.lookup();
        String method = method(t, scope);
        String url = lookupTemplate == null
                ? url(t, scope)
                : foundUrl(t, scope.with(ActionSpec.LOOKUP_NAME, TextNode.valueOf(Lookup.MARKER)));
        JsonNode body = t.body().resolve(scope);
        byte[] item;
        if (body == null) {
            item = new byte[0];
        } else if (t.form()) {
            item = form(body);
        } else {
            item = eventJson != null && body == scope.named().get("event") ? eventJson : write(body);
        }
        BatchingSpec batching = action.batching();
        BatchSpec batch = null;
        byte[] bytes = item;
        if (batching != null && body != null && batching.enabled(scope)) {
            String wrapper = batching.wrapper() == null
                    ? null
                    : new String(write(batching.wrapper().resolve(scope)), StandardCharsets.UTF_8);
            batch = new BatchSpec(
                    item,
                    batching.format(),
                    wrapper,
                    batching.wrapperPath(),
                    batching.maxEvents(scope),
                    batching.maxBytes(),
                    batching.partialFailure());
            bytes = BatchBodies.combine(batch, List.of(item));
        }
        Map<String, String> headers = headers(t, scope, body == null ? null : contentType(t, batch), bytes);
        String batchKey = batch == null
                ? null
                : batchKey(destinationId, method, url, headers, withSuccess(batch.wrapper(), action));
        Lookup lookup = lookupTemplate == null ? null : lookup(lookupTemplate, scope);
        return new MappedRequest(
                method, url, headers, bytes, List.of(messageId), messageId, batchKey, batch, action.success(), lookup);
    }

    /**
     * The request's headers: Content-Type when it has a body, User-Agent, the mapped ones (header names are
     * case-insensitive: a custom "content-type" replaces ours instead of doubling it), then authentication.
     */
    private Map<String, String> headers(ActionSpec.RequestTemplate t, Scope scope, String contentType, byte[] bytes) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("User-Agent", EngineVersion.userAgent());
        headers.putAll(headers(t.headers(), scope));
        auth.applyHeaders(headers, bytes, scope);
        return headers;
    }

    /** The lookup and the request sent when it finds nothing, both JSON and rendered for this event. */
    private Lookup lookup(ActionSpec.LookupTemplate l, Scope scope) {
        return new Lookup(call(l.request(), scope), l.found(), l.notFound(), call(l.otherwise(), scope), l.retry());
    }

    private Lookup.Call call(ActionSpec.RequestTemplate t, Scope scope) {
        JsonNode body = t.body().resolve(scope);
        byte[] bytes = write(body);
        return new Lookup.Call(
                method(t, scope),
                url(t, scope),
                headers(t, scope, body == null ? null : "application/json", bytes),
                bytes);
    }

    /** The URL of the request sent when the lookup finds a value: the marker in it once, for the worker. */
    private String foundUrl(ActionSpec.RequestTemplate t, Scope scope) {
        String url = url(t, scope);
        int first = url.indexOf(Lookup.MARKER);
        if (first < 0 || url.indexOf(Lookup.MARKER, first + 1) >= 0) {
            throw new MappingFailure(
                    "event",
                    "the request URL must hold the value found exactly once, and no event value may contain "
                            + Lookup.MARKER
                            + "; got: "
                            + url);
        }
        return url;
    }

    private static String contentType(ActionSpec.RequestTemplate t, BatchSpec batch) {
        if (t.form()) {
            return "application/x-www-form-urlencoded";
        }
        return batch != null && batch.format() == BatchSpec.Format.NDJSON ? "application/x-ndjson" : "application/json";
    }

    /**
     * An object as {@code application/x-www-form-urlencoded} fields, in its order: text as it is, numbers
     * and booleans as JavaScript writes them, objects and arrays as JSON text (Amplitude's
     * {@code identification} and {@code mapping} fields), null members left out.
     */
    static byte[] form(JsonNode body) {
        if (!body.isObject()) {
            throw new MappingFailure("event", "a form-encoded body must be an object of fields; got: " + body);
        }
        StringBuilder out = new StringBuilder();
        body.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                return;
            }
            String text =
                    v.isContainerNode() || v.isNumber() ? new String(write(v), StandardCharsets.UTF_8) : v.asText();
            out.append(out.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String method(ActionSpec.RequestTemplate t, Scope scope) {
        JsonNode m = t.method().resolve(scope);
        String method = m == null || m.isNull() ? "POST" : m.asText().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            throw new MappingFailure(
                    "settings", "HTTP method '" + method + "' is not one of GET, POST, PUT, PATCH, DELETE");
        }
        return method;
    }

    private String url(ActionSpec.RequestTemplate t, Scope scope) {
        JsonNode u = t.url().resolve(scope);
        if (u == null
                || !u.isTextual()
                || !(u.asText().startsWith("https://") || u.asText().startsWith("http://"))) {
            throw new MappingFailure(
                    "settings", "the request URL resolved to " + u + "; check the destination's settings");
        }
        StringBuilder url = new StringBuilder(u.asText());
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode query = t.query().resolve(scope);
        if (query != null && query.isObject()) {
            query.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        Map.Entry<String, String> authParam = auth.queryParameter(scope);
        if (authParam != null) {
            params.put(authParam.getKey(), authParam.getValue());
        }
        char sep = url.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> headers(Resolver mapping, Scope scope) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode h = mapping.resolve(scope);
        if (h == null || !h.isObject()) {
            return out;
        }
        h.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                return;
            }
            String text = v.isValueNode() ? v.asText() : v.toString();
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || e.getKey().isBlank()) {
                throw new MappingFailure("settings", "header '" + e.getKey() + "' has a line break or no name");
            }
            out.put(e.getKey(), text);
        });
        return out;
    }

    private static byte[] write(JsonNode node) {
        if (node == null) {
            return new byte[0];
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new MappingFailure("event", "the mapped body cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Requests that judge their answers differently never share a batch (one answer judges the batch). */
    private static String withSuccess(String wrapper, ActionSpec action) {
        return action.success() == null ? wrapper : wrapper + " success " + action.success();
    }

    /** Requests that differ only by body share a key; the key never contains a secret in clear. */
    static String batchKey(
            String destinationId, String method, String url, Map<String, String> headers, String wrapper) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ObjectNode parts = MAPPER.createObjectNode();
            parts.put("method", method).put("url", url).put("wrapper", wrapper);
            Map<String, String> keyed = new TreeMap<>(headers);
            keyed.remove("User-Agent"); // one value per process; keeps keys stable across versions
            parts.set("headers", MAPPER.valueToTree(keyed));
            byte[] hash = digest.digest(MAPPER.writeValueAsBytes(parts));
            return destinationId + ":" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

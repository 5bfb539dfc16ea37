/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.api.Lookup;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.engine.definition.EngineVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a request appears in an expected file: method, url, headers (sorted; the engine version in
 * {@code User-Agent} written as {@code <version>} so fixtures survive releases), body (JSON when it
 * parses, else text, e.g. NDJSON), for batchable requests the batch format and limits, and the
 * {@code successBody} check when the action declares one, and its {@code lookup} (the read, the path of the
 * value found, and the request sent when nothing is found) when it has one.
 */
public final class RequestJson {

    /** What stands for the engine version in expected files. */
    public static final String VERSION_PLACEHOLDER = "<version>";

    private RequestJson() {}

    /** The request as expected-file JSON. */
    public static ObjectNode render(MappedRequest r) {
        ObjectNode out = call(r.method(), r.url(), r.headers(), r.body());
        BatchSpec batch = r.batch();
        if (batch != null) {
            ObjectNode b = out.putObject("batch");
            b.put("format", batch.format().name());
            b.put("maxEvents", batch.maxEvents());
            b.put("maxBytes", batch.maxBytes());
            if (batch.wrapperPath() != null) {
                b.put("wrapperPath", batch.wrapperPath());
            }
            if (batch.partialFailure() != null) {
                ObjectNode pf = b.putObject("partialFailure");
                batch.partialFailure().statuses().forEach(pf.putArray("status")::add);
                if (!batch.partialFailure().failedIndexes().isEmpty()) {
                    batch.partialFailure().failedIndexes().forEach(pf.putArray("failedIndexes")::add);
                }
                if (batch.partialFailure().itemId() != null) {
                    pf.put("itemId", batch.partialFailure().itemId());
                    batch.partialFailure().failedIds().forEach(pf.putArray("failedIds")::add);
                }
                pf.put("others", batch.partialFailure().others().name());
            }
        }
        if (r.successBody() != null) {
            ObjectNode success = out.putObject("successBody");
            success.put("path", r.successBody().path());
            r.successBody().values().forEach(success.putArray("values")::add);
        }
        Lookup lookup = r.lookup();
        if (lookup != null) {
            ObjectNode l = out.putObject("lookup");
            l.set("request", call(lookup.request()));
            l.put("found", lookup.found());
            if (!lookup.notFound().isEmpty()) {
                lookup.notFound().forEach(l.putArray("notFound")::add);
            }
            l.set("otherwise", call(lookup.otherwise()));
            if (!lookup.retry().isEmpty()) {
                lookup.retry().forEach(l.putArray("retry")::add);
            }
        }
        return out;
    }

    private static ObjectNode call(Lookup.Call c) {
        return call(c.method(), c.url(), c.headers(), c.body());
    }

    private static ObjectNode call(String method, String url, Map<String, String> headerMap, byte[] body) {
        ObjectNode out = Fixture.JSON.createObjectNode();
        out.put("method", method);
        out.put("url", url);
        ObjectNode headers = out.putObject("headers");
        for (Map.Entry<String, String> h : new TreeMap<>(headerMap).entrySet()) {
            headers.put(
                    h.getKey(), h.getValue().replace(EngineVersion.userAgent(), "Switchboard/" + VERSION_PLACEHOLDER));
        }
        out.set("body", body(body));
        return out;
    }

    private static JsonNode body(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return Fixture.JSON.getNodeFactory().nullNode();
        }
        if (!text.contains("\n")) { // one compact JSON document; NDJSON stays text
            try {
                return Fixture.JSON.readTree(text);
            } catch (IOException e) {
                // not JSON: kept as text below
            }
        }
        return Fixture.JSON.getNodeFactory().textNode(text);
    }
}

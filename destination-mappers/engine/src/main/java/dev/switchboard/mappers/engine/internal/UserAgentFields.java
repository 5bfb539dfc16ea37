/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * What mappings read as {@code $userAgent}: {@code browser}, {@code browserVersion}, {@code os},
 * {@code osVersion}, {@code model} and {@code mobile}, taken from the event's
 * {@code context.userAgentData}. That object holds the client hints the browser sent (Segment's
 * analytics.js copies them), or, when the client sent none, what the router's enrich stage parsed from
 * {@code context.userAgent} (brand, major version, platform, mobile). The user agent is parsed once, in
 * the router; mappers read the result instead of parsing it again. Members the data lacks are absent,
 * and {@code $userAgent} itself is undefined when the event has no {@code userAgentData}.
 */
public final class UserAgentFields {

    /** Client hints list made-up "GREASE" brands (e.g. {@code Not A(Brand}) that name no browser. */
    private static final Pattern GREASE = Pattern.compile("(?i).*not.?a.?brand.*");

    private UserAgentFields() {}

    /** The fields for {@code event}, or null when it carries no {@code context.userAgentData}. */
    public static JsonNode of(JsonNode event) {
        JsonNode data = event.path("context").path("userAgentData");
        if (!data.isObject()) {
            return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode brand = brand(data.path("fullVersionList"));
        if (brand == null) {
            brand = brand(data.path("brands"));
        }
        if (brand != null) {
            out.put("browser", brand.path("brand").asText());
            text(out, "browserVersion", brand.path("version"));
        }
        text(out, "os", data.path("platform"));
        text(out, "osVersion", data.path("platformVersion"));
        text(out, "model", data.path("model"));
        if (data.path("mobile").isBoolean()) {
            out.put("mobile", data.path("mobile").asBoolean());
        }
        return out;
    }

    /** The brand that names the browser: not a GREASE entry, and not Chromium when another is listed. */
    private static JsonNode brand(JsonNode brands) {
        JsonNode chromium = null;
        for (JsonNode b : brands) {
            String name = b.path("brand").asText("");
            if (name.isBlank() || GREASE.matcher(name).matches()) {
                continue;
            }
            if (!name.equals("Chromium")) {
                return b;
            }
            chromium = b;
        }
        return chromium;
    }

    private static void text(ObjectNode out, String name, JsonNode v) {
        if (v.isTextual() && !v.asText().isBlank()) {
            out.put(name, v.asText());
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.mappers.api.SettingSpec;
import dev.switchboard.workspace.config.DestinationConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a destination's secrets out of what the console answers: the settings its type declares
 * {@code secret} (or, for a type not installed, any setting whose name says key, token, secret or
 * password) are shown as {@value #MASK}, and their values (as written and URL-encoded) are masked wherever
 * they appear in a request's URL, headers or body (a mapper may put an API key in the body). Credential
 * headers are masked always.
 */
final class Redactor {

    static final String MASK = "••••••";

    private static final Set<String> CREDENTIAL_HEADERS = Set.of(
            "authorization", "proxy-authorization", "x-api-key", "api-key", "x-auth-token", "cookie", "set-cookie");
    private static final List<String> SECRET_WORDS = List.of("key", "token", "secret", "password", "credential");

    private final List<String> secrets;
    private final Set<String> secretSettings;

    private Redactor(List<String> secrets, Set<String> secretSettings) {
        this.secrets = secrets;
        this.secretSettings = secretSettings;
    }

    static Redactor of(DestinationConfig d, MapperRegistry registry) {
        Map<String, SettingSpec> specs =
                registry.find(d.type()).map(m -> m.settingsSchema().settings()).orElse(null);
        List<String> values = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = d.settings().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            boolean secret = specs != null && specs.containsKey(s.getKey())
                    ? specs.get(s.getKey()).secret()
                    : looksSecret(s.getKey());
            if (secret) {
                names.add(s.getKey());
                String v = s.getValue().isTextual()
                        ? s.getValue().asText()
                        : s.getValue().toString();
                if (v.length() >= 4) {
                    values.add(v);
                    String inUrl = URLEncoder.encode(v, StandardCharsets.UTF_8); // as a query parameter
                    if (!inUrl.equals(v)) {
                        values.add(inUrl);
                    }
                }
            }
        }
        values.sort((a, b) -> b.length() - a.length()); // a secret that contains another is masked whole
        return new Redactor(List.copyOf(values), Set.copyOf(names));
    }

    /** A redactor that masks nothing but credential headers. */
    static Redactor none() {
        return new Redactor(List.of(), Set.of());
    }

    private static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(n::contains);
    }

    /** The settings with each secret one masked. */
    ObjectNode settings(ObjectNode settings) {
        ObjectNode copy = settings.deepCopy();
        for (String name : secretSettings) {
            if (copy.has(name)) {
                copy.put(name, MASK);
            }
        }
        return copy;
    }

    /** {@code text} with every secret value masked. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** A header's value as shown: masked for credential headers, else with secrets masked. */
    String header(String name, String value) {
        return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : text(value);
    }

    /** A write key as shown: its first four characters, then the mask. */
    static String writeKey(String key) {
        return key.length() <= 4 ? MASK : key.substring(0, 4) + MASK;
    }
}

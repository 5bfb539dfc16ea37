/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import dev.switchboard.mappers.engine.directives.MappingDefinitionException;
import dev.switchboard.mappers.engine.directives.Mappings;
import dev.switchboard.mappers.engine.directives.Resolver;
import dev.switchboard.mappers.engine.directives.Scope;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code authentication:} block of destination.yaml. Types: {@code none}, {@code basic}
 * (username, password), {@code bearer} (token), {@code header} (name, value), {@code query} (name, value)
 * and {@code hmac} (secret, header, algorithm sha1|sha256: a lowercase hex signature of the body bytes).
 * Values are mappings (usually {@code {"@path": "$settings.apiKey"}}); when a value resolves to
 * undefined or empty, that authentication is skipped (e.g. an optional shared secret).
 *
 * @param type the scheme
 * @param name header or query parameter name
 * @param first username, token, header/query value, or HMAC secret
 * @param second password (basic only)
 * @param algorithm the HMAC algorithm name for {@link Mac}
 */
public record AuthSpec(String type, String name, Resolver first, Resolver second, String algorithm) {

    /** No authentication. */
    public static final AuthSpec NONE = new AuthSpec("none", null, s -> null, s -> null, null);

    /** Parses the block; null means none. */
    public static AuthSpec parse(String file, JsonNode node) throws DestinationDefinitionException {
        if (node == null) {
            return NONE;
        }
        String type = Yaml.text(file, node, "type");
        try {
            return switch (type) {
                case "none" -> NONE;
                case "basic" -> {
                    Yaml.onlyKeys(file, "authentication", node, "type", "username", "password");
                    yield new AuthSpec(
                            type,
                            "Authorization",
                            req(file, node, "username"),
                            Mappings.compile(node.get("password")),
                            null);
                }
                case "bearer" -> {
                    Yaml.onlyKeys(file, "authentication", node, "type", "token");
                    yield new AuthSpec(type, "Authorization", req(file, node, "token"), s -> null, null);
                }
                case "header", "query" -> {
                    Yaml.onlyKeys(file, "authentication", node, "type", "name", "value");
                    yield new AuthSpec(type, Yaml.text(file, node, "name"), req(file, node, "value"), s -> null, null);
                }
                case "hmac" -> hmac(file, node);
                default ->
                    throw new DestinationDefinitionException(
                            file,
                            "authentication type '" + type
                                    + "' is not one of none, basic, bearer, header, query, hmac");
            };
        } catch (MappingDefinitionException e) {
            throw new DestinationDefinitionException(file, "authentication: " + e.getMessage());
        }
    }

    private static AuthSpec hmac(String file, JsonNode node)
            throws DestinationDefinitionException, MappingDefinitionException {
        Yaml.onlyKeys(file, "authentication", node, "type", "secret", "header", "algorithm");
        String algorithm =
                switch (Yaml.text(file, node, "algorithm", "sha1")) {
                    case "sha1" -> "HmacSHA1";
                    case "sha256" -> "HmacSHA256";
                    default ->
                        throw new DestinationDefinitionException(
                                file, "authentication.algorithm must be sha1 or sha256");
                };
        return new AuthSpec(
                "hmac",
                Yaml.text(file, node, "header", "X-Signature"),
                req(file, node, "secret"),
                s -> null,
                algorithm);
    }

    private static Resolver req(String file, JsonNode node, String key)
            throws DestinationDefinitionException, MappingDefinitionException {
        if (!node.has(key)) {
            throw new DestinationDefinitionException(file, "authentication needs '" + key + "'");
        }
        return Mappings.compile(node.get(key));
    }

    /** Adds this authentication's header, if any; {@code body} is the exact bytes that will be sent. */
    public void applyHeaders(Map<String, String> headers, byte[] body, Scope scope) {
        String value = text(first, scope);
        if (value == null) {
            return;
        }
        switch (type) {
            case "basic" -> {
                String password = text(second, scope);
                String pair = value + ":" + (password == null ? "" : password);
                headers.put(name, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            case "bearer" -> headers.put(name, "Bearer " + value);
            case "header" -> headers.put(name, value);
            case "hmac" -> headers.put(name, sign(algorithm, value, body));
            default -> {
                // none and query add no header
            }
        }
    }

    /** The query parameter this authentication adds, or null. */
    public Map.Entry<String, String> queryParameter(Scope scope) {
        String value = type.equals("query") ? text(first, scope) : null;
        return value == null ? null : Map.entry(name, value);
    }

    /** Lowercase hex HMAC of {@code body} keyed with {@code secret}. */
    public static String sign(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }

    private static String text(Resolver resolver, Scope scope) {
        JsonNode v = resolver.resolve(scope);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code {"@hash": {"value": <value>, "normalize": "email"|"phone"|"phone-e164"|"trim-lower"|"lower-no-spaces"|"none",
 * "algorithm":
 * "sha256"}}}: the lowercase hex SHA-256 of a normalised value, as the conversion APIs (Facebook, TikTok,
 * Pinterest, Snapchat, Reddit) require for emails and phone numbers. {@code email} and {@code trim-lower}
 * trim and lower-case; {@code lower-no-spaces} lower-cases and removes every space (Facebook's rule for
 * names, cities and zip codes); {@code phone} keeps the digits only (E.164 without the {@code +}); {@code phone-e164} the digits after a
 * {@code +} (E.164, TikTok's rule); {@code none}
 * hashes the text as it is. A value that already is 64 hex digits is taken as hashed and passes
 * (lower-cased), so a source that hashes before sending is not hashed twice. Numbers hash their text; an
 * array hashes each element; undefined and null pass unchanged; a value that normalises to empty text
 * becomes undefined (the hash of nothing identifies no one); an object fails the event naming the field.
 */
final class HashDirective implements Directive {

    private static final Pattern HASHED = Pattern.compile("[0-9a-fA-F]{64}");

    @Override
    public String name() {
        return "@hash";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@hash", "value", "normalize", "algorithm");
        Resolver value = Mappings.member(argument, "value", true, "@hash");
        String normalize = Mappings.option(
                argument,
                "normalize",
                "none",
                "@hash",
                "email",
                "phone",
                "phone-e164",
                "trim-lower",
                "lower-no-spaces",
                "none");
        Mappings.option(argument, "algorithm", "sha256", "@hash", "sha256");
        String field = PathDirective.fieldOf(argument.get("value"));
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || v.isNull()) {
                return v;
            }
            if (v.isArray()) {
                ArrayNode out = Mappings.JSON.arrayNode();
                for (JsonNode element : v) {
                    JsonNode hashed = element.isNull() ? null : hash(element, normalize, field);
                    if (hashed != null) {
                        out.add(hashed);
                    }
                }
                return out;
            }
            return hash(v, normalize, field);
        };
    }

    private static JsonNode hash(JsonNode v, String normalize, String field) {
        if (!v.isValueNode()) {
            throw new MappingFailure(field, "'" + field + "' must be text to be hashed; got: " + v);
        }
        String text = v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        if (HASHED.matcher(text.trim()).matches()) {
            return TextNode.valueOf(text.trim().toLowerCase(Locale.ROOT));
        }
        String normal =
                switch (normalize) {
                    case "email", "trim-lower" -> text.trim().toLowerCase(Locale.ROOT);
                    case "lower-no-spaces" -> text.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
                    case "phone" -> text.replaceAll("[^0-9]", "");
                    case "phone-e164" -> e164(text);
                    default -> text;
                };
        return normal.isEmpty() ? null : TextNode.valueOf(sha256(normal));
    }

    /** {@code +} and the digits (TikTok's and Reddit's rule), or nothing when there are no digits. */
    private static String e164(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? "" : "+" + digits;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.mappers.api.Hashing;

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
 * The normalising and hashing is {@link Hashing}'s, shared with the router's privacy rules.
 */
final class HashDirective implements Directive {

    @Override
    public String name() {
        return "@hash";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@hash", "value", "normalize", "algorithm");
        Resolver value = Mappings.member(argument, "value", true, "@hash");
        Hashing.Normalization normalize = Hashing.Normalization.of(Mappings.option(
                argument,
                "normalize",
                "none",
                "@hash",
                "email",
                "phone",
                "phone-e164",
                "trim-lower",
                "lower-no-spaces",
                "none"));
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

    private static JsonNode hash(JsonNode v, Hashing.Normalization normalize, String field) {
        if (!v.isValueNode()) {
            throw new MappingFailure(field, "'" + field + "' must be text to be hashed; got: " + v);
        }
        String text = v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        String hashed = Hashing.hash(text, normalize, "");
        return hashed == null ? null : TextNode.valueOf(hashed);
    }
}

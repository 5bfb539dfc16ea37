/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {"@replace": {"value": <value>, "pattern": " ", "replacement": "_", "ignoreCase": false, "regex":
 * false}}}: every occurrence of {@code pattern} replaced; non-strings pass unchanged. E.g. {@code Order
 * Completed} → {@code Order_Completed} for vendors whose event names cannot hold spaces. By default the
 * pattern is literal text matched with its case. {@code ignoreCase: true} matches any case (Unicode);
 * {@code regex: true} reads the pattern as a Java regular expression, checked when the folder loads, and
 * the replacement may then name groups ({@code $1}). Regular expressions are written by destination
 * authors and reviewed; a value is at most what the event holds.
 */
final class ReplaceDirective implements Directive {

    @Override
    public String name() {
        return "@replace";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@replace", "value", "pattern", "replacement", "ignoreCase", "regex");
        Resolver value = Mappings.member(argument, "value", true, "@replace");
        JsonNode pattern = argument.get("pattern");
        JsonNode replacement = argument.path("replacement");
        if (pattern == null || !pattern.isTextual() || pattern.asText().isEmpty()) {
            throw new MappingDefinitionException("@replace needs 'pattern', a non-empty string: " + argument);
        }
        if (!replacement.isMissingNode() && !replacement.isTextual()) {
            throw new MappingDefinitionException("@replace 'replacement' must be a string: " + argument);
        }
        boolean ignoreCase = flag(argument, "ignoreCase");
        boolean regex = flag(argument, "regex");
        String from = pattern.asText();
        String to = replacement.asText("");
        if (!ignoreCase && !regex) {
            return scope -> {
                JsonNode v = value.resolve(scope);
                return v != null && v.isTextual() ? TextNode.valueOf(v.asText().replace(from, to)) : v;
            };
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(
                    regex ? from : Pattern.quote(from),
                    ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new MappingDefinitionException("@replace 'pattern' is not a regular expression: " + e.getMessage());
        }
        String with = regex ? to : Matcher.quoteReplacement(to);
        if (regex) {
            try {
                // a bad group reference ($9, a lone $) fails at load: the empty alternative always matches
                Pattern.compile("(?:" + from + ")|").matcher("").replaceAll(with);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new MappingDefinitionException("@replace 'replacement' is not valid: " + e.getMessage());
            }
        }
        return scope -> {
            JsonNode v = value.resolve(scope);
            return v != null && v.isTextual()
                    ? TextNode.valueOf(compiled.matcher(v.asText()).replaceAll(with))
                    : v;
        };
    }

    private static boolean flag(JsonNode argument, String key) throws MappingDefinitionException {
        JsonNode v = argument.get(key);
        if (v != null && !v.isBoolean()) {
            throw new MappingDefinitionException("@replace '" + key + "' must be true or false: " + argument);
        }
        return v != null && v.asBoolean();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"@template": "Hi {{traits.name}}"}}: text with {@code {{path}}} placeholders; a path without
 * {@code $} reads the root ({@code {{properties.x}}}), one with {@code $} reads a named value
 * ({@code {{$settings.region}}}). Missing values render as the empty string. The template may itself be
 * a directive (a template kept in settings).
 */
final class TemplateDirective implements Directive {

    @Override
    public String name() {
        return "@template";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        if (argument != null && argument.isTextual()) {
            List<Object> parts = parse(argument.asText());
            return scope -> TextNode.valueOf(render(parts, scope));
        }
        if (argument != null && argument.isObject()) {
            Resolver source = Mappings.compile(argument);
            return scope -> {
                JsonNode text = source.resolve(scope);
                if (text == null || !text.isTextual()) {
                    return null;
                }
                try {
                    return TextNode.valueOf(render(parse(text.asText()), scope));
                } catch (MappingDefinitionException e) {
                    throw new MappingFailure("event", "the template in the settings is malformed: " + e.getMessage());
                }
            };
        }
        throw new MappingDefinitionException(
                "@template takes a string such as \"Hi {{traits.name}}\"; got: " + argument);
    }

    /** Literal text (String) and placeholders (JsonPath), in order. */
    static List<Object> parse(String template) throws MappingDefinitionException {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                parts.add(template.substring(at));
                break;
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new MappingDefinitionException("unclosed '{{' at position " + open + " in template: " + template);
            }
            if (open > at) {
                parts.add(template.substring(at, open));
            }
            String path = template.substring(open + 2, close).trim();
            parts.add(JsonPath.parse(path.startsWith("$") ? path : "$." + path));
            at = close + 2;
        }
        return parts;
    }

    static String render(List<Object> parts, Scope scope) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof JsonPath path) {
                JsonNode value = path.read(scope);
                if (value != null && !value.isNull()) {
                    out.append(value.isValueNode() ? value.asText() : value.toString());
                }
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code {"@datetime": {"value": <value>, "format": "iso"|"unix-ms"|"unix-s"|"unix-us", "lenient": false}}}:
 * reads an ISO-8601 text (with offset, or UTC when it has none; a date alone is midnight UTC) or a number
 * of milliseconds since the epoch, and writes it as ISO-8601 UTC text or as a whole number of seconds,
 * milliseconds or microseconds. A value that is not a date fails the event (payload invalid). With
 * {@code lenient: true} only ISO-8601 text is converted and every other value (numbers, other text)
 * passes unchanged: for converting whatever looks like a date, e.g. inside {@code @mapValues}.
 */
final class DatetimeDirective implements Directive {

    @Override
    public String name() {
        return "@datetime";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@datetime", "value", "format", "lenient");
        JsonNode lenientArg = argument.get("lenient");
        if (lenientArg != null && !lenientArg.isBoolean()) {
            throw new MappingDefinitionException("@datetime 'lenient' must be true or false: " + argument);
        }
        boolean lenient = lenientArg != null && lenientArg.asBoolean();
        String format = Mappings.option(argument, "format", null, "@datetime", "iso", "unix-ms", "unix-s", "unix-us");
        Resolver value = Mappings.member(argument, "value", true, "@datetime");
        String field = PathDirective.fieldOf(argument.get("value"));
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || v.isNull()) {
                return v;
            }
            Instant instant = lenient ? lenient(v) : parse(v, field);
            if (instant == null) {
                return v;
            }
            return switch (format) {
                case "iso" -> TextNode.valueOf(DateTimeFormatter.ISO_INSTANT.format(instant));
                case "unix-ms" -> Mappings.JSON.numberNode(instant.toEpochMilli());
                case "unix-s" -> Mappings.JSON.numberNode(instant.getEpochSecond());
                default -> Mappings.JSON.numberNode(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
            };
        };
    }

    /** The instant of an ISO-8601 text, else null. */
    private static Instant lenient(JsonNode v) {
        if (!v.isTextual()
                || v.asText().length() < 10
                || !Character.isDigit(v.asText().charAt(0))) {
            return null;
        }
        try {
            return parse(v, "value");
        } catch (MappingFailure e) {
            return null;
        }
    }

    static Instant parse(JsonNode v, String field) {
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.longValue());
        }
        String text = v.asText().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date alone
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MappingFailure(field, "'" + field + "' must be an ISO-8601 date-time; got: " + v);
        }
    }
}

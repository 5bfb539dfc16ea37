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
 * {@code {"@datetime": {"value": <value>, "format": "iso"|"unix-ms"|"unix-s"|"unix-us"}}}: reads an ISO-8601
 * text (with offset, or UTC when it has none; a date alone is midnight UTC) or a number of milliseconds
 * since the epoch, and writes it as ISO-8601 UTC text or as a whole number of seconds, milliseconds or
 * microseconds. A value that is not a date fails the event (payload invalid).
 */
final class DatetimeDirective implements Directive {

    @Override
    public String name() {
        return "@datetime";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@datetime", "value", "format");
        String format = Mappings.option(argument, "format", null, "@datetime", "iso", "unix-ms", "unix-s", "unix-us");
        Resolver value = Mappings.member(argument, "value", true, "@datetime");
        String field = PathDirective.fieldOf(argument.get("value"));
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || v.isNull()) {
                return v;
            }
            Instant instant = parse(v, field);
            return switch (format) {
                case "iso" -> TextNode.valueOf(DateTimeFormatter.ISO_INSTANT.format(instant));
                case "unix-ms" -> Mappings.JSON.numberNode(instant.toEpochMilli());
                case "unix-s" -> Mappings.JSON.numberNode(instant.getEpochSecond());
                default -> Mappings.JSON.numberNode(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
            };
        };
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

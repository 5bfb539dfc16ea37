/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.JsonNumbers;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts a row's values into its table's columns: each value is coerced to its column's type when
 * that keeps it whole ({@code "42"} into an integer column, {@code 7} into a text column); a value
 * that cannot be (a word into an integer column), has no column (past the budget), is named like
 * a standard column, or repeats a column already filled with another value, is kept under its
 * original path in {@link Columns#UNMAPPED}. Values are written in the warehouse's text input form.
 */
public final class RowEncoder {

    private static final ObjectMapper JSON = JsonNumbers.mapper();
    private static final Pattern LETTER_BUT_E = Pattern.compile("[A-Za-z&&[^eE]]");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final DateTimeFormatter TIMESTAMP_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX");

    /**
     * A row ready to write.
     *
     * @param values column name to its text form, in field order (no entry: NULL)
     * @param unmapped the overflow object, or null when everything found a column
     */
    public record EncodedRow(String id, Map<String, String> values, ObjectNode unmapped) {}

    /** {@code row} against {@code schema} (which holds every column the planner added). */
    public EncodedRow encode(FlatRow row, TableSchema schema) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        ObjectNode unmapped = null;
        for (Field f : row.fields()) {
            ColumnType type = schema.type(f.column());
            String text = null;
            if (values.containsKey(f.column()) && sources.get(f.column()).equals(f.value())) {
                continue; // the same value twice ("firstName" and "first_name", a page's name in its properties)
            }
            boolean fits = type != null
                    && type != ColumnType.JSON
                    && !values.containsKey(f.column())
                    && (f.standard() || !row.kind().reserved(f.column()));
            if (fits) {
                text = coerce(f.value(), type);
            }
            if (text == null) {
                if (f.standard() && f.column().equals(Columns.ID)) {
                    throw new IllegalArgumentException("the row's id is not text: " + f.value());
                }
                unmapped = put(unmapped == null ? JsonNodeFactory.instance.objectNode() : unmapped, f);
            } else {
                values.put(f.column(), text);
                sources.put(f.column(), f.value());
            }
        }
        return new EncodedRow(row.id(), values, unmapped);
    }

    /** The value's text form for {@code type}, or null when the type cannot hold it whole. */
    public static String coerce(JsonNode v, ColumnType type) {
        return switch (type) {
            case TEXT -> v.isTextual() ? clean(v.textValue()) : clean(write(v));
            case BIGINT -> bigint(v);
            case DOUBLE ->
                v.isNumber() ? JsonNumbers.format(v.doubleValue()) : v.isTextual() ? parseDouble(v.textValue()) : null;
            case BOOLEAN ->
                v.isBoolean()
                        ? String.valueOf(v.booleanValue())
                        : v.isTextual()
                                        && (v.textValue().equalsIgnoreCase("true")
                                                || v.textValue().equalsIgnoreCase("false"))
                                ? v.textValue().toLowerCase(java.util.Locale.ROOT)
                                : null;
            case TIMESTAMP -> {
                OffsetDateTime t = v.isTextual() ? ColumnType.parseTimestamp(v.textValue()) : null;
                yield t == null ? null : TIMESTAMP_OUT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
            }
            case JSON -> null;
        };
    }

    private static String bigint(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? String.valueOf(v.longValue()) : null;
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? String.valueOf((long) d) : null;
        }
        if (v.isTextual() && INTEGER.matcher(v.textValue()).matches()) {
            try {
                return String.valueOf(Long.parseLong(v.textValue()));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        return null;
    }

    private static String parseDouble(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d)
                            && !s.isBlank()
                            && !LETTER_BUT_E.matcher(s).find()
                    ? JsonNumbers.format(d)
                    : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** PostgreSQL text cannot hold U+0000: it becomes U+FFFD, the replacement character. */
    private static String clean(String s) {
        return s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
    }

    private static ObjectNode put(ObjectNode root, Field f) {
        List<String> path = f.path();
        ObjectNode at = root;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = at.get(path.get(i));
            at = next instanceof ObjectNode o ? o : at.putObject(path.get(i));
        }
        at.set(path.get(path.size() - 1), f.value());
        return root;
    }

    /** JSON text of a value (arrays, and numbers written as JavaScript writes them). */
    public static String write(JsonNode v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
import java.util.Arrays;
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

    /**
     * A row ready to write.
     *
     * @param schema the columns it was encoded against
     * @param texts the text of each column, by its position in {@code schema} (null: NULL)
     * @param filled the positions it fills, in field order
     * @param unmapped the overflow object, or null when everything found a column
     * @param missingColumn whether a property or trait went to the overflow column only because
     *     the schema has no column of its name yet (the planner adds one when the table has room)
     */
    public record EncodedRow(
            String id, TableSchema schema, String[] texts, int[] filled, ObjectNode unmapped, boolean missingColumn) {

        /** The text of the column at {@code position}, or null. */
        public String text(int position) {
            return texts[position];
        }

        /** Column name to its text form, in field order (no entry: NULL). */
        public Map<String, String> values() {
            Map<String, String> out = new LinkedHashMap<>();
            for (int at : filled) {
                out.put(schema.column(at), texts[at]);
            }
            return out;
        }
    }

    /** {@code row} against {@code schema}: one pass over its fields, one lookup of each column. */
    public EncodedRow encode(FlatRow row, TableSchema schema) {
        return encode(row, schema, null, 0);
    }

    /**
     * {@code row} against {@code schema}, its fields' positions in {@code schema} read from {@code
     * positions} at {@code from} on ({@link ColumnCheck}), or looked up when that is null.
     */
    EncodedRow encode(FlatRow row, TableSchema schema, int[] positions, int from) {
        String[] texts = new String[schema.size()];
        JsonNode[] sources = new JsonNode[schema.size()];
        int[] filled = new int[row.fields().size()];
        int count = 0;
        ObjectNode unmapped = null;
        boolean missingColumn = false;
        List<Field> fields = row.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            int at = positions == null ? schema.position(f.column()) : positions[from + i];
            if (at >= 0 && texts[at] != null && sources[at].equals(f.value())) {
                continue; // the same value twice ("firstName" and "first_name", a page's name in its properties)
            }
            ColumnType type = at < 0 ? null : schema.type(at);
            boolean property = !f.standard();
            boolean reserved = f.reserved(row.kind());
            boolean fits = type != null && type != ColumnType.JSON && texts[at] == null && !reserved;
            String text = fits ? f.text(type) : null;
            if (text == null) {
                if (!property && f.column().equals(Columns.ID)) {
                    throw new IllegalArgumentException("the row's id is not text: " + f.value());
                }
                missingColumn |= at < 0 && property && !reserved;
                unmapped = put(unmapped == null ? JsonNodeFactory.instance.objectNode() : unmapped, f);
            } else {
                texts[at] = text;
                sources[at] = f.value();
                filled[count++] = at;
            }
        }
        return new EncodedRow(row.id(), schema, texts, Arrays.copyOf(filled, count), unmapped, missingColumn);
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
            case TIMESTAMP -> v.isTextual() ? TimestampText.utc(v.textValue()) : null;
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

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decimal numbers written as JavaScript writes them ({@code JSON.stringify}), as Segment's pipeline
 * sends them on: {@code 25.0} as {@code 25}, {@code 1.5e3} as {@code 1500}, {@code 1e-7} as
 * {@code 1e-7}, {@code 1e21} as {@code 1e+21}; not-finite values as {@code null}. Java writes
 * {@code 25.0} and {@code 1500.0}, and a webhook receiver that checks the signature over
 * {@code JSON.stringify(req.body)}, as Segment's documentation shows, would then compute another
 * digest. Whole numbers (int, long, big integers) are written as they are.
 *
 * <p>Characters outside the Basic Multilingual Plane (emoji) are written as their four UTF-8 bytes, as
 * {@code JSON.stringify} and Node's UTF-8 encoding produce them. Jackson's byte writer would otherwise
 * escape them as a surrogate pair (<code>&#92;uD83C&#92;uDFD4</code>): still the same JSON value, but other bytes, so
 * a signature over the body would not match the receiver's {@code JSON.stringify(req.body)}.
 */
public final class JsonNumbers {

    private JsonNumbers() {}

    /**
     * The mapper for what Switchboard writes on (events, request bodies): numbers as above, emoji as
     * UTF-8, and the reading limits of {@link JsonLimits}.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder(factory()).build();
    }

    /**
     * The factory of {@link #mapper()}, for writers that stream JSON themselves: numbers as above, emoji as
     * UTF-8 bytes, the reading limits of {@link JsonLimits}.
     */
    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(JsonLimits.constraints())
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .addDecorator(decorator())
                .build();
    }

    /** For {@code JsonFactory.builder().addDecorator(...)}. */
    public static JsonGeneratorDecorator decorator() {
        return (factory, generator) -> new JsonGeneratorDelegate(generator, true) {
            @Override
            public void writeNumber(double v) throws IOException {
                if (Double.isFinite(v)) {
                    delegate.writeNumber(format(v));
                } else {
                    delegate.writeNull();
                }
            }

            @Override
            public void writeNumber(float v) throws IOException {
                writeNumber(Double.parseDouble(Float.toString(v)));
            }
        };
    }

    /** ECMAScript's Number::toString for a finite {@code v}, from Java's shortest digits. */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        String java = Double.toString(v);
        if (java.indexOf('E') < 0) {
            // 1e-3 <= |v| < 1e7: Java writes the same digits in plain notation, and ".0" for a whole number.
            return java.endsWith(".0") ? java.substring(0, java.length() - 2) : java;
        }
        return general(v);
    }

    /** {@link #format} of any finite, non-zero {@code v}, by its digits and exponent (the shortcut aside). */
    static String general(double v) {
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int k = digits.length();
        int n = k - d.scale(); // the value is 0.digits × 10^n
        StringBuilder out = new StringBuilder(v < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return out.toString();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.schemas.JsonLimits;

/**
 * The JSON settings of the tracking API: decimals kept exactly as sent ({@code 14.99} stays
 * {@code 14.99}); a repeated key keeps its last value, as {@code JSON.parse} does. Content after the
 * body's object is refused by {@link BodyParser}, not by the mapper (which reads values one by one).
 * Nesting, number and string lengths are bounded by {@link JsonLimits}, as in the router.
 */
public final class Json {

    private Json() {}

    public static ObjectMapper mapper() {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(JsonLimits.constraints())
                        .build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.List;
import java.util.Objects;

/**
 * How a destination that answers 2xx while rejecting tells success in its body (Mixpanel's
 * {@code /engage?verbose=1} answers {@code 200 {"status": 0, "error": "..."}}): a 2xx answer is delivered
 * only when its body is JSON and every node {@code path} reaches is one of {@code values}; any other 2xx
 * answer is a failure, dead-lettered with the answer as evidence.
 *
 * @param path where the verdict is in the answer: {@code $}, then {@code .key}, {@code .*} or {@code [*]} steps
 * @param values the JSON texts of the values that mean success, e.g. {@code 1} or {@code "ok"}
 */
public record SuccessBody(String path, List<String> values) {

    public SuccessBody {
        Objects.requireNonNull(path, "path");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a success check needs at least one value");
        }
    }
}

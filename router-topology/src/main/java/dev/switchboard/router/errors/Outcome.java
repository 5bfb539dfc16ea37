/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.errors;

import dev.switchboard.schemas.avro.Rejected;

/**
 * What a stage made of one record: a value to pass on, or a rejection for {@code sb.rejected}.
 *
 * @param <T> the value type
 */
public record Outcome<T>(T value, Rejected rejected) {

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> rejected(Rejected rejected) {
        return new Outcome<>(null, rejected);
    }

    public boolean isRejected() {
        return rejected != null;
    }
}

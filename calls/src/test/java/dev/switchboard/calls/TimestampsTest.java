/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-24T00:00:00.000Z, 2026-11-24T00:00:00Z",
        "2026-11-24T13:45:07Z, 2026-11-24T13:45:07Z",
        "2026-11-24T13:45:07.5Z, 2026-11-24T13:45:07.500Z",
        "2026-11-24T13:45:07.123456789Z, 2026-11-24T13:45:07.123456789Z",
        "2024-02-29T23:59:59.999Z, 2024-02-29T23:59:59.999Z",
        "2026-11-24T13:45:07.123+01:00, 2026-11-24T12:45:07.123Z",
        "2026-11-24T13:45:07+0100, 2026-11-24T12:45:07Z",
        "2026-11-24T13:45:07.123, 2026-11-24T13:45:07.123Z",
        "2026-11-24T13:45Z, 2026-11-24T13:45:00Z",
        "2026-11-24, 2026-11-24T00:00:00Z",
        // a point without digits is not the SDKs' form; the formatter reads it, as it always did
        "2026-11-24T13:45:07.Z, 2026-11-24T13:45:07Z",
    })
    void shouldReadTheInstantWhenTheTextIsAnIsoDateTimeOrDate(String text, String expected) {
        assertThat(Timestamps.parse(text)).hasValue(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29T00:00:00.000Z",
                "2023-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-11-24T24:00:00Z",
                "2026-11-24T23:60:00Z",
                "2026-11-24T23:59:60Z",
                "2026-11-24T13:45:07.1234567890Z",
                "2026-11-24T13:45:07,123Z",
                "2026-11-24 13:45:07.123Z",
                "2026-1a-24T13:45:07.123Z",
                "yesterday",
            })
    void shouldRefuseWhenTheTextIsNoPossibleDateTime(String text) {
        assertThat(Timestamps.parse(text)).isEmpty();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain UTC way must give what the parse and format give, or step aside. */
class TimestampTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-01T10:00:00Z",
                "2026-12-01T10:00:00.5Z",
                "2026-12-01T10:00:00.037Z",
                "2026-12-01T10:00:00.123456Z",
                "0000-01-01T00:00:00Z",
                "2024-02-29T23:59:59.999Z",
                "9999-12-31T23:59:59.999999Z"
            })
    void plainUtcTextsAreWrittenAsTheParseWritesThem(String text) {
        assertThat(TimestampText.plainUtc(text)).isNotNull().isEqualTo(TimestampText.parsed(text));
        assertThat(TimestampText.utc(text)).isEqualTo(TimestampText.parsed(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:00:00Z", // no such day
                "2025-02-29T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-00-01T10:00:00Z",
                "2026-12-01T24:00:00Z",
                "2026-12-01T10:60:00Z",
                "2026-12-01T10:00:60Z",
                "2026-12-01T10:00:00.Z",
                "2026-12-01T10:00:00.1234567Z", // more digits than a column keeps: the parse decides
                "2026-12-01t10:00:00Z",
                "2026-12-01 10:00:00Z",
                "2026-12-01T10:00:00z",
                "2026-12-01T10:00:00+02:00",
                "2026-12-01T10:00Z",
                "2026-12-01",
                "2026-1a-01T10:00:00Z",
                "2026-12-01T10:00:0xZ",
                "2026-12-01T10:00:00.12a4Z",
                "",
                "Z"
            })
    void everyOtherTextIsLeftToTheParse(String text) {
        assertThat(TimestampText.plainUtc(text)).isNull();
        assertThat(TimestampText.utc(text)).isEqualTo(TimestampText.parsed(text));
        assertThat(TimestampText.isTimestamp(text)).isEqualTo(TimestampText.parsed(text) != null);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261204L})
    void randomInstantsAgreeWithTheParse(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L))
                    .plusNanos(random.nextInt(1_000_000) * 1_000L);
            String text = at.toString(); // what Date.toISOString() and Instant write
            assertThat(TimestampText.utc(text)).as(text).isEqualTo(TimestampText.parsed(text));
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    private final Names names = new Names(63);

    /** go-snakecase's own test table: our port must agree with it on every line. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sample text|sample_text",
                "sample-text|sample_text",
                "sample_text|sample_text",
                "sample___text|sample_text",
                "sampleText|sample_text",
                "inviteYourCustomersAddInvites|invite_your_customers_add_invites",
                "sample 2 Text|sample_2_text",
                "'   sample   2    Text   '|sample_2_text",
                "'   $#$sample   2    Text   '|sample_2_text",
                "SAMPLE 2 TEXT|sample_2_text",
                "___$$Base64Encode|base64_encode",
                "FOO:BAR$BAZ|foo_bar_baz",
                "FOO#BAR#BAZ|foo_bar_baz",
                "something.com|something_com",
                "$something%|something",
                "•¶§ƒ˚foo˙∆˚¬|foo",
            })
    void shouldSnakeCaseAsGoSnakecaseWhenGivenItsSamples(String in, String out) {
        assertThat(Names.snakeCase(in)).isEqualTo(out);
    }

    @Test
    void shouldCutLongNamesToTheLimitWithAHashWhenTooLong() {
        String a = "a".repeat(200);
        String b = "a".repeat(199) + "b";
        assertThat(names.eventTable(a)).hasSize(63).startsWith("a".repeat(54) + "_");
        assertThat(names.eventTable(a)).isNotEqualTo(names.eventTable(b));
        assertThat(names.eventTable("a".repeat(63))).isEqualTo("a".repeat(63));
    }

    @Test
    void shouldPrefixSegmentTablesWhenAnEventIsNamedLikeOne() {
        assertThat(names.eventTable("Tracks")).isEqualTo("_tracks");
        assertThat(names.eventTable("users")).isEqualTo("_users");
        assertThat(names.eventTable("Order Completed")).isEqualTo("order_completed");
    }

    @Test
    void shouldNameByHashWhenNothingLatinIsLeft() {
        assertThat(names.eventTable("注文完了")).matches("_[0-9a-f]{8}");
        assertThat(names.eventTable("注文完了")).isNotEqualTo(names.eventTable("注文"));
        assertThat(names.schema("web-app")).isEqualTo("web_app");
    }
}

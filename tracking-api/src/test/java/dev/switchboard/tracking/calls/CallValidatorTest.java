/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TRACK    | {\"userId\":\"u\",\"event\":\"E\",\"properties\":{}}       | ok",
                "TRACK    | {\"anonymousId\":\"a\",\"event\":\"E\"}                  | ok",
                "TRACK    | {\"event\":\"E\"}                                        | no_user_anon_id",
                "TRACK    | {\"userId\":null,\"anonymousId\":null,\"event\":\"E\"}   | no_user_anon_id",
                "TRACK    | {\"userId\":\"\",\"event\":\"E\"}                        | id_not_string",
                "TRACK    | {\"userId\":[1],\"event\":\"E\"}                         | id_not_string",
                "TRACK    | {\"userId\":\"u\"}                                       | event_not_defined",
                "TRACK    | {\"userId\":\"u\",\"event\":\" \"}                       | event_not_string",
                "TRACK    | {\"userId\":\"u\",\"event\":\"E\",\"properties\":1}      | properties_not_object",
                "TRACK    | {\"userId\":\"u\",\"event\":\"E\",\"integrations\":[]}   | bad_request",
                "IDENTIFY | {\"userId\":\"u\",\"traits\":{\"a\":1}}                  | ok",
                "IDENTIFY | {\"userId\":\"u\",\"traits\":[]}                        | traits_not_object",
                "GROUP    | {\"userId\":\"u\",\"groupId\":42}                        | ok",
                "GROUP    | {\"userId\":\"u\"}                                       | id_required",
                "GROUP    | {\"userId\":\"u\",\"groupId\":\"\"}                      | id_not_string",
                "PAGE     | {\"anonymousId\":\"a\"}                                  | ok",
                "PAGE     | {\"anonymousId\":\"a\",\"name\":3}                       | name_not_string",
                "SCREEN   | {\"anonymousId\":\"a\",\"category\":\"\"}                | category_not_string",
                "ALIAS    | {\"userId\":\"u\",\"previousId\":\"p\"}                  | ok",
                "ALIAS    | {\"anonymousId\":\"a\",\"previousId\":\"p\"}             | id_required",
                "ALIAS    | {\"userId\":\"u\",\"previousId\":false}                  | id_not_string",
            })
    void shouldReturnSegmentsDiscardCodeWhenARequiredFieldIsWrong(CallType type, String json, String expected)
            throws Exception {
        // Given
        ObjectNode call = (ObjectNode) JSON.readTree(json);

        // When
        Optional<Rejection> rejection = CallValidator.validate(call, type);

        // Then
        assertThat(rejection.map(Rejection::code).orElse("ok")).isEqualTo(expected);
        rejection.ifPresent(r -> assertThat(r.message()).contains(r.field()));
    }
}

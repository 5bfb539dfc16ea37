/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.workspace.config.DestinationConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the console shows of a destination's settings and requests: no secret, anywhere. */
class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMaskSecretSettingsWhereverTheirValuesAppear() throws Exception {
        ObjectNode settings = (ObjectNode)
                JSON.readTree(
                        "{\"apiKey\":\"k3y/with+chars\",\"projectToken\":\"tok-123456\",\"region\":\"eu\",\"url\":\"https://x.test\"}");
        Redactor r = Redactor.of(
                new DestinationConfig("d", "not-installed", null, null, settings), MapperRegistry.of(List.of()));

        assertThat(r.settings(settings).toString())
                .doesNotContain("k3y/with+chars", "tok-123456")
                .contains("\"region\":\"eu\"", "\"url\":\"https://x.test\"");
        assertThat(r.text("https://api.test/track?api_key=k3y%2Fwith%2Bchars&t=tok-123456"))
                .isEqualTo("https://api.test/track?api_key=" + Redactor.MASK + "&t=" + Redactor.MASK);
        assertThat(r.text("{\"token\":\"tok-123456\",\"event\":\"Signed Up\"}"))
                .isEqualTo("{\"token\":\"" + Redactor.MASK + "\",\"event\":\"Signed Up\"}");
        assertThat(r.header("Authorization", "Bearer anything")).isEqualTo(Redactor.MASK);
        assertThat(r.header("X-Trace", "tok-123456")).isEqualTo(Redactor.MASK);
        assertThat(r.header("Content-Type", "application/json")).isEqualTo("application/json");
    }

    @Test
    void shouldShowOnlyTheFirstFourCharactersOfAWriteKey() {
        assertThat(Redactor.writeKey("wk_live_abcdef")).isEqualTo("wk_l" + Redactor.MASK);
        assertThat(Redactor.writeKey("abc")).isEqualTo(Redactor.MASK);
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.calls.CallType;
import dev.switchboard.calls.Rejection;
import dev.switchboard.tracking.calls.BodyParser.ParsedBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallSplitterTest {

    private static final ObjectMapper JSON = Json.mapper();
    private final CallSplitter splitter = new CallSplitter(JSON, 200, 3);
    private final BodyParser parser = new BodyParser(JSON);

    @Test
    void shouldSetTypeFromPathAndAssignAMessageIdWhenASingleCallHasNone() throws Exception {
        // When
        SplitResult result = splitter.single(
                call("{\"userId\":\"u\",\"event\":\"E\",\"type\":\"page\",\"writeKey\":\"k\"}"), CallType.TRACK);

        // Then
        assertThat(result.rejected()).isEmpty();
        AcceptedCall call = result.accepted().get(0);
        JsonNode payload = JSON.readTree(call.payload());
        assertThat(payload.get("type").asText()).isEqualTo("track");
        assertThat(payload.has("writeKey")).isFalse();
        assertThat(call.messageId()).hasSize(36);
        assertThat(payload.get("messageId").asText()).isEqualTo(call.messageId());
        assertThat(call.key()).isEqualTo("u");
    }

    @Test
    void shouldKeepTheClientMessageIdWhenOneIsGiven() throws Exception {
        SplitResult result = splitter.single(call("{\"anonymousId\":\"a\",\"messageId\":\"ajs-1\"}"), CallType.PAGE);
        assertThat(result.accepted().get(0).messageId()).isEqualTo("ajs-1");
        assertThat(result.accepted().get(0).key()).isEqualTo("a");
    }

    @Test
    void shouldDeepMergeBatchContextWhenTheItemHasItsOwn() throws Exception {
        // Given
        ParsedBody body = parse("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\","
                + "\"context\":{\"library\":{\"name\":\"mine\"},\"ip\":\"1.1.1.1\"},\"sentAt\":\"2026-01-01T00:00:01Z\"},"
                + "{\"type\":\"identify\",\"userId\":\"u\"}],\"sentAt\":\"2026-01-01T00:00:02Z\","
                + "\"context\":{\"library\":{\"name\":\"theirs\",\"version\":\"1\"},\"locale\":\"fr\"},"
                + "\"integrations\":{\"All\":false}}");

        // When
        SplitResult result = splitter.batch(body);

        // Then
        assertThat(result.rejected()).isEmpty();
        JsonNode first = JSON.readTree(result.accepted().get(0).payload());
        assertThat(first.get("context"))
                .isEqualTo(JSON.readTree(
                        "{\"library\":{\"name\":\"mine\",\"version\":\"1\"},\"ip\":\"1.1.1.1\",\"locale\":\"fr\"}"));
        assertThat(first.at("/integrations/All").asBoolean(true)).isFalse();
        assertThat(result.accepted().get(0).sentAt()).isEqualTo("2026-01-01T00:00:01Z");
        assertThat(result.accepted().get(1).sentAt()).isEqualTo("2026-01-01T00:00:02Z");
        assertThat(JSON.readTree(result.accepted().get(1).payload())
                        .at("/context/library/name")
                        .asText())
                .isEqualTo("theirs");
    }

    @Test
    void shouldRejectItemsByIndexWhenTheyAreInvalidOrTooLarge() throws Exception {
        // Given
        ParsedBody body = parse("{\"batch\":[\"text\",{\"type\":\"track\",\"userId\":\"u\",\"event\":\""
                + "x".repeat(300) + "\"},{\"type\":\"track\",\"userId\":\"u\",\"event\":\"ok\"}]}");

        // When: the second item was 345 bytes as sent, over the 200-byte limit
        SplitResult result = splitter.batch(body);

        // Then
        assertThat(result.accepted()).hasSize(1);
        assertThat(result.rejected()).extracting(ItemRejection::index).containsExactly(0, 1);
        assertThat(result.rejected())
                .extracting(r -> r.rejection().code())
                .containsExactly("bad_request", "event_too_large");
        assertThat(result.rejected().get(1).original()).contains("xxxx");
    }

    @Test
    void shouldRefuseTheEnvelopeWhenTheBatchIsMissingEmptyOrTooLong() throws Exception {
        assertThat(splitter.checkBatch(parse("{}")).map(Rejection::code)).hasValue("bad_request");
        assertThat(splitter.checkBatch(parse("{\"batch\":[]}")).map(Rejection::code))
                .hasValue("empty_batch");
        assertThat(splitter.checkBatch(parse("{\"batch\":[1,2,3,4]}")).map(Rejection::code))
                .hasValue("batch_too_large");
        assertThat(splitter.checkBatch(parse("{\"batch\":[1],\"integrations\":true}"))
                        .map(Rejection::field))
                .hasValue("integrations");
        assertThat(splitter.checkBatch(parse("{\"batch\":[1,2,3]}"))).isEmpty();
    }

    @Test
    void shouldWriteThePayloadFromTheClientsBytesWithOnlyWhatTheEdgeChanges() throws Exception {
        // Given: numbers in forms a tree would rewrite, the write key twice, an upper-case type, no messageId
        ParsedBody body = parse("{\"batch\":[{\"writeKey\":\"k\",\"type\":\"TRACK\",\"userId\":\"u\","
                + "\"event\":\"E\",\"properties\":{\"total\":1.50,\"n\":1e3,\"s\":\"\\u00e9\"},\"writeKey\":\"k\"}],"
                + "\"integrations\":{\"All\" : false}}");

        // When
        SplitResult result = splitter.batch(body);

        // Then the client's fields are its own text; type, messageId and the batch's integrations are added
        AcceptedCall call = result.accepted().get(0);
        assertThat(call.payload())
                .isEqualTo("{\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"total\":1.50,\"n\":1e3,"
                        + "\"s\":\"\\u00e9\"},\"type\":\"track\",\"messageId\":\"" + call.messageId()
                        + "\",\"integrations\":{\"All\" : false}}");
    }

    @Test
    void shouldWriteANumericMessageIdAsTextWhenTheClientSentANumber() throws Exception {
        SplitResult result =
                splitter.single(call("{\"userId\":\"u\",\"event\":\"E\",\"messageId\":42}"), CallType.TRACK);
        AcceptedCall call = result.accepted().get(0);
        assertThat(call.messageId()).isEqualTo("42");
        assertThat(JSON.readTree(call.payload()).get("messageId")).isEqualTo(TextNode.valueOf("42"));
    }

    @Test
    void shouldJudgeThePropertiesTheTreeLeftOutOnlyByBeingAnObject() throws Exception {
        // Given: properties as an object (left out of the tree) and as an array (in it)
        String asObject = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"a\":{\"b\":[1]}}}";
        String asArray = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":[1]}";

        // When both arrive in one batch
        SplitResult result = splitter.batch(parse("{\"batch\":[" + asObject + "," + asArray + "]}"));

        // Then the first is accepted with its properties whole, the second refused with its text as sent
        assertThat(JSON.readTree(result.accepted().get(0).payload())
                        .at("/properties/a/b/0")
                        .asInt())
                .isEqualTo(1);
        assertThat(result.rejected()).extracting(r -> r.rejection().code()).containsExactly("properties_not_object");
        assertThat(JSON.readTree(result.rejected().get(0).original())
                        .get("properties")
                        .isArray())
                .isTrue();
    }

    private ParsedBody parse(String json) throws Exception {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private ScannedCall call(String json) throws Exception {
        return parse(json).root();
    }
}

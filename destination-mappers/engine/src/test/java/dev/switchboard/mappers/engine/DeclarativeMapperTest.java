/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.PayloadInvalidException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclarativeMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HOOK =
            """
            slug: hook
            name: Hook
            settings:
              url: { type: string, required: true, description: where }
              secret: { type: string, secret: true, description: key }
            authentication: { type: hmac, secret: { '@path': $settings.secret } }
            """;

    private static final String SEND =
            """
            trigger: all
            request:
              url: { '@path': $settings.url }
              body: { '@path': $.raw }
            """;

    @Test
    void shouldSignBodyBytesWithHexHmacSha1WhenSecretIsSet() throws Exception {
        // Given a signed destination and an event whose body is the RFC 2202-style test string
        DeclarativeMapper mapper = DestinationLoader.load("hook", files(HOOK, "send.yaml", SEND));
        ObjectNode event = (ObjectNode)
                JSON.readTree("{\"messageId\":\"m1\",\"raw\":\"The quick brown fox jumps over the lazy dog\"}");
        // When it maps
        MappedRequest r = mapper.map(event, context("{\"url\":\"https://h.example/x\",\"secret\":\"key\"}"))
                .get(0);
        // Then X-Signature is HMAC-SHA1("key", body bytes) in lowercase hex, and the key is the messageId
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("\"The quick brown fox jumps over the lazy dog\"");
        assertThat(r.headers().get("X-Signature"))
                .isEqualTo(java.util.HexFormat.of().formatHex(hmac("key", r.body())));
        assertThat(r.headers().get("User-Agent")).startsWith("Switchboard/");
        assertThat(r.idempotencyKey()).isEqualTo("m1");
        assertThat(r.messageIds()).containsExactly("m1");
    }

    @Test
    void shouldSendTheGivenEventTextWhenTheBodyIsTheWholeEvent() throws Exception {
        // Given a type whose body is the whole event, and the event's text as the router wrote it
        DeclarativeMapper whole = DestinationLoader.load("hook", files(HOOK, "send.yaml", SEND.replace("$.raw", "$.")));
        ObjectNode event = (ObjectNode) JSON.readTree("{\"messageId\":\"m1\",\"raw\":1}");
        byte[] text = JSON.writeValueAsBytes(event);
        // When it maps with the text
        MappedRequest r = whole.map(event, text, context("{\"url\":\"https://h.example/x\",\"secret\":\"key\"}"))
                .get(0);
        // Then the body is those bytes, not a second copy, and the signature covers them
        assertThat(r.body()).isSameAs(text);
        assertThat(r.headers().get("X-Signature"))
                .isEqualTo(java.util.HexFormat.of().formatHex(hmac("key", text)));
        // and without the text, the same bytes are written
        assertThat(whole.map(event, context("{\"url\":\"https://h.example/x\"}"))
                        .get(0)
                        .body())
                .isEqualTo(text);
    }

    @Test
    void shouldIgnoreTheEventTextWhenTheBodyIsNotTheWholeEvent() throws Exception {
        DeclarativeMapper part = DestinationLoader.load("hook", files(HOOK, "send.yaml", SEND));
        ObjectNode event = (ObjectNode) JSON.readTree("{\"messageId\":\"m1\",\"raw\":1}");
        MappedRequest r = part.map(event, JSON.writeValueAsBytes(event), context("{\"url\":\"https://h.example/x\"}"))
                .get(0);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("1");
    }

    @Test
    void shouldSendNoSignatureWhenSecretIsUnset() throws Exception {
        DeclarativeMapper mapper = DestinationLoader.load("hook", files(HOOK, "send.yaml", SEND));
        ObjectNode event = (ObjectNode) JSON.readTree("{\"messageId\":\"m1\",\"raw\":1}");
        MappedRequest r =
                mapper.map(event, context("{\"url\":\"https://h.example/x\"}")).get(0);
        assertThat(r.headers()).doesNotContainKey("X-Signature");
    }

    @Test
    void shouldBatchWrappedWithRegionalEndpointWhenLoadedFromClassPath() throws Exception {
        // Given the sample folder served by the provider
        DestinationMapper mapper = new DeclarativeMapperProvider(getClass().getClassLoader())
                .mappers().stream()
                        .filter(m -> m.slug().equals("sample"))
                        .findFirst()
                        .orElseThrow();
        ObjectNode event = (ObjectNode)
                JSON.readTree(
                        "{\"type\":\"track\",\"event\":\"Paid\",\"userId\":\"u1\",\"messageId\":\"m2\",\"properties\":{\"total\":\"9.5\"}}");
        ObjectNode settings = mapper.settingsSchema()
                .withDefaults((ObjectNode) JSON.readTree("{\"apiKey\":\"k\",\"region\":\"EU\"}"));
        // When it maps
        MappedRequest r = mapper.map(event, new MapperContext("d1", settings)).get(0);
        // Then the body is the wrapper holding the one item, with basic auth, and a batch key per destination
        assertThat(r.url()).isEqualTo("https://api.eu.example.com/v1/events");
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"client\":\"switchboard\",\"events\":[{\"name\":\"Paid\",\"user\":\"u1\",\"total\":9.5}]}");
        assertThat(r.headers()).containsEntry("Authorization", "Basic azo=");
        assertThat(r.batch().format()).isEqualTo(BatchSpec.Format.WRAPPED);
        assertThat(r.batch().maxEvents()).isEqualTo(50);
        assertThat(r.batchKey()).startsWith("d1:");
    }

    @Test
    void shouldRejectEventWhenRequiredFieldIsMissing() throws Exception {
        DestinationMapper mapper = new DeclarativeMapperProvider(getClass().getClassLoader())
                .mappers()
                .iterator()
                .next();
        ObjectNode event = (ObjectNode) JSON.readTree("{\"type\":\"track\",\"event\":\"Paid\",\"messageId\":\"m3\"}");
        ObjectNode settings = mapper.settingsSchema().withDefaults((ObjectNode) JSON.readTree("{\"apiKey\":\"k\"}"));
        assertThatThrownBy(() -> mapper.map(event, new MapperContext("d1", settings)))
                .isInstanceOf(PayloadInvalidException.class)
                .satisfies(
                        e -> assertThat(((PayloadInvalidException) e).field()).isEqualTo("userId"));
    }

    @Test
    void shouldReturnNoRequestWhenNoTriggerMatches() throws Exception {
        DestinationMapper mapper = new DeclarativeMapperProvider(getClass().getClassLoader())
                .mappers()
                .iterator()
                .next();
        ObjectNode event = (ObjectNode) JSON.readTree("{\"type\":\"identify\",\"userId\":\"u\",\"messageId\":\"m4\"}");
        ObjectNode settings = mapper.settingsSchema().withDefaults((ObjectNode) JSON.readTree("{\"apiKey\":\"k\"}"));
        assertThat(mapper.map(event, new MapperContext("d1", settings))).isEmpty();
    }

    @Test
    void shouldRejectEventNotThrowWhenValueCannotBeConverted() throws Exception {
        DestinationMapper mapper = new DeclarativeMapperProvider(getClass().getClassLoader())
                .mappers()
                .iterator()
                .next();
        ObjectNode event = (ObjectNode)
                JSON.readTree(
                        "{\"type\":\"track\",\"event\":\"Paid\",\"userId\":\"u\",\"messageId\":\"m5\",\"properties\":{\"total\":\"lots\"}}");
        ObjectNode settings = mapper.settingsSchema().withDefaults((ObjectNode) JSON.readTree("{\"apiKey\":\"k\"}"));
        assertThatThrownBy(() -> mapper.map(event, new MapperContext("d1", settings)))
                .isInstanceOf(PayloadInvalidException.class)
                .satisfies(
                        e -> assertThat(((PayloadInvalidException) e).field()).isEqualTo("properties.total"));
    }

    @Test
    void shouldCarryPartialFailureOnTheBatchSpecWhenBatchingDeclaresIt() throws Exception {
        // Given a batching destination whose vendor reports failed items by index
        String destination =
                """
                slug: vendor
                name: Vendor
                batching:
                  format: json-array
                  maxEvents: 10
                  partialFailure:
                    status: [400, 422]
                    failedIndexes: ['$.failed_records[*].index', '$.invalid.*[*]']
                    others: retry
                """;
        String action =
                "trigger: all\nrequest: { url: 'https://v.example/import', body: { id: { '@path': $.messageId } } }\n";
        DeclarativeMapper mapper = DestinationLoader.load("vendor", files(destination, "send.yaml", action));
        ObjectNode event = (ObjectNode) JSON.readTree("{\"messageId\":\"m1\"}");

        // When it maps
        MappedRequest r = mapper.map(event, context("{}")).get(0);

        // Then the request's batch spec carries the block
        assertThat(r.batch().partialFailure())
                .isEqualTo(new BatchSpec.PartialFailure(
                        java.util.List.of(400, 422),
                        java.util.List.of("$.failed_records[*].index", "$.invalid.*[*]"),
                        BatchSpec.Others.RETRY));
    }

    @Test
    void shouldCarryItemIdFailedIdsAndCapturedIndexesWhenBatchingDeclaresThem() throws Exception {
        // Given a vendor naming failed items by id, and by a pointer inside a text
        String destination =
                """
                slug: vendor
                name: Vendor
                batching:
                  format: json-array
                  partialFailure:
                    status: [207, 400]
                    itemId: $.id
                    failedIds: ['$.errors[*].context.ids[*]']
                    failedIndexes: ['$.errors[*].source.pointer ~ /^/data/(\\d+)(/|$)/']
                    others: delivered
                """;
        String action =
                "trigger: all\nrequest: { url: 'https://v.example/import', body: { id: { '@path': $.messageId } } }\n";
        DeclarativeMapper mapper = DestinationLoader.load("vendor", files(destination, "send.yaml", action));

        // When it maps
        MappedRequest r = mapper.map((ObjectNode) JSON.readTree("{\"messageId\":\"m1\"}"), context("{}"))
                .get(0);

        // Then the batch spec carries both forms as written
        assertThat(r.batch().partialFailure())
                .isEqualTo(new BatchSpec.PartialFailure(
                        java.util.List.of(207, 400),
                        java.util.List.of("$.errors[*].source.pointer ~ /^/data/(\\d+)(/|$)/"),
                        BatchSpec.Others.DELIVERED,
                        "$.id",
                        java.util.List.of("$.errors[*].context.ids[*]")));
    }

    static Map<String, byte[]> files(String destination, String actionName, String action) {
        return Map.of(
                "destination.yaml",
                destination.getBytes(StandardCharsets.UTF_8),
                actionName,
                action.getBytes(StandardCharsets.UTF_8));
    }

    private static MapperContext context(String settings) throws Exception {
        return new MapperContext("d", (ObjectNode) JSON.readTree(settings));
    }

    private static byte[] hmac(String key, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return mac.doFinal(body);
    }

    @Test
    void shouldMatchPublishedVectorWhenSigning() {
        // the classic HMAC-SHA1 example from Wikipedia: key "key", the fox sentence
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(dev.switchboard.mappers.engine.internal.AuthSpec.sign("HmacSHA1", "key", body))
                .isEqualTo("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Received;
import dev.switchboard.delivery.testing.FakeDestination.Reply;
import dev.switchboard.schemas.avro.LookupCall;
import dev.switchboard.schemas.avro.LookupSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two-call exchange of a request with a lookup, against a real server on 127.0.0.1. */
class LookupExchangeTest {

    private FakeDestination server;
    private final HttpSender sender = new HttpSender("lookup", Duration.ofSeconds(5), Duration.ofSeconds(5), 2);

    @AfterEach
    void close() {
        sender.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldUrlEncodeTheValueFoundIntoTheWriteUrl() throws Exception {
        HttpResult result = exchange(
                r -> r.path().equals("/search")
                        ? Reply.of(200, Map.of(), "{\"data\":[{\"id\":\"a b/c\"}]}")
                        : Reply.of(200),
                List.of());

        assertThat(result.status()).isEqualTo(200);
        assertThat(server.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /search", "PUT /contacts/a b/c");
    }

    @Test
    void shouldSendOtherwiseWhenTheSearchFindsSeveral() throws Exception {
        exchange(
                r -> r.path().equals("/search")
                        ? Reply.of(200, Map.of(), "{\"data\":[{\"id\":\"c1\"},{\"id\":\"c2\"}],\"total_count\":2}")
                        : Reply.of(200),
                List.of());

        assertThat(server.received())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /search", "POST /contacts");
        assertThat(server.received().get(1).header("Idempotency-Key")).isEqualTo("m1");
    }

    @Test
    void shouldSendOtherwiseWhenTheLookupAnswersAListedNotFoundStatus() throws Exception {
        HttpResult result = exchange(r -> r.path().equals("/search") ? Reply.of(404) : Reply.of(201), List.of(404));

        assertThat(result.status()).isEqualTo(201);
        assertThat(server.received()).extracting(Received::path).containsExactly("/search", "/contacts");
    }

    @Test
    void shouldFailWithoutWritingWhenTheLookupAnswers404Unlisted() throws Exception {
        HttpResult result =
                exchange(r -> Reply.of(404, Map.of(), "{\"errors\":[{\"code\":\"not_found\"}]}"), List.of());

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.error()).contains("lookup POST").contains("answered 404");
        assertThat(StatusTable.classify(result).statusClass()).isEqualTo(StatusClass.FATAL);
        assertThat(server.received()).extracting(Received::path).containsExactly("/search");
    }

    @Test
    void shouldBeFatalWithoutWritingWhenTheLookupsSuccessIsNotJson() throws Exception {
        HttpResult result = exchange(r -> Reply.of(200, Map.of(), "<html>maintenance</html>"), List.of());

        assertThat(result.errorClass()).isEqualTo(LookupExchange.LOOKUP_UNREADABLE);
        assertThat(result.body()).contains("maintenance");
        assertThat(StatusTable.classify(result))
                .isEqualTo(new Classification(StatusClass.FATAL, LookupExchange.LOOKUP_UNREADABLE));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void shouldRetryWhenTheWriteAnswersAListedStatus() throws Exception {
        HttpResult result = exchange(
                r -> r.path().equals("/search")
                        ? Reply.of(200, Map.of(), "{\"data\":[]}")
                        : Reply.of(409, Map.of(), "{\"errors\":[{\"code\":\"conflict\"}]}"),
                List.of());

        assertThat(result.status()).isEqualTo(409);
        assertThat(StatusTable.classify(result))
                .isEqualTo(new Classification(StatusClass.RETRYABLE, LookupExchange.LOOKUP_RETRY));
    }

    @Test
    void shouldTimeOutWhenTheWriteHangs() throws Exception {
        try (HttpSender quick = new HttpSender("quick", Duration.ofSeconds(5), Duration.ofMillis(500), 2)) {
            server = new FakeDestination(r -> r.path().equals("/search")
                    ? Reply.of(200, Map.of(), "{\"data\":[{\"id\":\"c1\"}]}")
                    : Reply.hanging());
            HttpResult result =
                    new LookupExchange(quick).send(spec(List.of()), write()).get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isNull();
            assertThat(result.errorClass()).isEqualTo("timeout");
            assertThat(server.received()).extracting(Received::path).containsExactly("/search", "/contacts/c1");
        }
    }

    private HttpResult exchange(Function<Received, Reply> behaviour, List<Integer> notFound) throws Exception {
        server = new FakeDestination(behaviour);
        return new LookupExchange(sender).send(spec(notFound), write()).get(10, TimeUnit.SECONDS);
    }

    private HttpCall write() {
        return new HttpCall(
                "PUT",
                server.url("/contacts/{lookup}"),
                Map.of("Idempotency-Key", "m1"),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private LookupSpec spec(List<Integer> notFound) {
        return LookupSpec.newBuilder()
                .setRequest(call(server.url("/search"), "{\"query\":{}}"))
                .setFound("$.data[*].id")
                .setNotFound(notFound)
                .setOtherwise(call(server.url("/contacts"), "{\"email\":\"a@b.c\"}"))
                .setRetry(List.of(409))
                .build();
    }

    private static LookupCall call(String url, String body) {
        return LookupCall.newBuilder()
                .setMethod("POST")
                .setUrl(url)
                .setHeaders(Map.of("Content-Type", "application/json"))
                .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Received;
import dev.switchboard.delivery.testing.FakeDestination.Reply;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.LookupCall;
import dev.switchboard.schemas.avro.LookupSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Requests with a lookup (Intercom identify: search the contact, then update or create it) against a real
 * HTTP server on 127.0.0.1 playing Intercom, and the embedded broker.
 */
class LookupIT extends BrokerTestBase {

    private static final String ONE_CONTACT =
            "{\"type\":\"list\",\"data\":[{\"type\":\"contact\",\"id\":\"6657add46abd0167d9419cd2\","
                    + "\"external_id\":\"user-42\"}],\"total_count\":1}";
    private static final String NO_CONTACT = "{\"type\":\"list\",\"data\":[],\"total_count\":0}";
    private static final String UNAVAILABLE =
            "{\"type\":\"error.list\",\"errors\":[{\"code\":\"service_unavailable\"}]}";
    private static final String CONFLICT = "{\"type\":\"error.list\",\"errors\":[{\"code\":\"conflict\","
            + "\"message\":\"A contact matching those details already exists with id=6657add46abd0167d9419cd2\"}]}";
    private static final String UNAUTHORIZED = "{\"type\":\"error.list\",\"request_id\":\"req-9\","
            + "\"errors\":[{\"code\":\"unauthorized\",\"message\":\"Access Token Invalid\"}]}";

    @Test
    void shouldUpdateTheContactWhenTheSearchFindsOne() {
        // Given Intercom knows the contact
        FakeDestination intercom = intercom(r -> Reply.of(200, Map.of(), ONE_CONTACT));
        String id = start("ic-found");

        // When
        identify(id, intercom);

        // Then the search, then one PUT to that contact, carrying the contact and the messageId
        await().until(() -> delivered(id) == 1);
        assertThat(calls(intercom)).containsExactly("POST /contacts/search", "PUT /contacts/6657add46abd0167d9419cd2");
        Received search = intercom.received().get(0);
        assertThat(search.body()).contains("\"value\":\"user-42\"");
        assertThat(search.header("Authorization")).isEqualTo("Bearer ic-token");
        assertThat(search.header("Idempotency-Key")).isNull();
        Received put = intercom.received().get(1);
        assertThat(put.body()).contains("\"external_id\":\"user-42\"");
        assertThat(put.header("Idempotency-Key")).isEqualTo(id + "-m1");
        assertThat(outcomes(id)).singleElement().satisfies(o -> {
            assertThat(o.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(o.getHttpStatus()).isEqualTo(200);
        });
    }

    @Test
    void shouldCreateTheContactWhenTheSearchFindsNone() {
        // Given Intercom has no such contact
        FakeDestination intercom = intercom(r -> r.path().equals("/contacts/search")
                ? Reply.of(200, Map.of(), NO_CONTACT)
                : Reply.of(200, Map.of(), "{\"type\":\"contact\",\"id\":\"new-1\"}"));
        String id = start("ic-none");

        // When
        identify(id, intercom);

        // Then the search, then one POST /contacts with the contact and the messageId
        await().until(() -> delivered(id) == 1);
        assertThat(calls(intercom)).containsExactly("POST /contacts/search", "POST /contacts");
        Received create = intercom.received().get(1);
        assertThat(create.body()).isEqualTo(contact());
        assertThat(create.header("Idempotency-Key")).isEqualTo(id + "-m1");
        assertThat(create.header("Intercom-Version")).isEqualTo("2.11");
    }

    @Test
    void shouldRetryTheWholeExchangeAndWriteOnceWhenTheSearchFirstAnswers503() {
        // Given a search that is unavailable once
        AtomicInteger searches = new AtomicInteger();
        FakeDestination intercom = intercom(r -> {
            if (r.path().equals("/contacts/search")) {
                return searches.incrementAndGet() == 1
                        ? Reply.of(503, Map.of(), UNAVAILABLE)
                        : Reply.of(200, Map.of(), ONE_CONTACT);
            }
            return Reply.of(200);
        });
        String id = start("ic-503");

        // When
        identifyAndAwaitDelivery(id, intercom);

        // Then the search is sent twice and the update once, on the second attempt
        assertThat(calls(intercom))
                .containsExactly(
                        "POST /contacts/search", "POST /contacts/search", "PUT /contacts/6657add46abd0167d9419cd2");
        List<DeliveryOutcome> outcomes = outcomes(id).stream()
                .sorted(Comparator.comparing(DeliveryOutcome::getAttempt))
                .toList();
        assertThat(outcomes)
                .extracting(DeliveryOutcome::getStatus, DeliveryOutcome::getAttempt, DeliveryOutcome::getHttpStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RETRYING, 1, 503),
                        org.assertj.core.groups.Tuple.tuple(DeliveryStatus.DELIVERED, 2, 200));
        assertThat(topics.readAll(Topics.deadLetter(id))).isEmpty();
    }

    @Test
    void shouldDeadLetterWithIntercomsWordsAndWriteNothingWhenTheSearchAnswers401() {
        // Given a revoked token
        FakeDestination intercom = intercom(r -> Reply.of(401, Map.of("X-Request-Id", "req-9"), UNAUTHORIZED));
        String id = start("ic-401");

        // When
        identify(id, intercom);

        // Then the request is dead-lettered at once with the search's answer as evidence, and no write is sent
        await().until(() -> topics.readAll(Topics.deadLetter(id)).size() == 1);
        DeadLetter letter = topics.readAll(Topics.deadLetter(id)).get(0).value();
        assertThat(letter.getReason()).startsWith("non_retryable").contains("http_auth");
        assertThat(letter.getRequest().getLookup()).isNotNull();
        assertThat(letter.getAttempts()).singleElement().satisfies(a -> {
            assertThat(a.getHttpStatus()).isEqualTo(401);
            assertThat(a.getErrorClass()).isEqualTo("http_auth");
            assertThat(a.getResponseBody()).contains("Access Token Invalid");
            assertThat(a.getResponseHeaders()).containsEntry("x-request-id", "req-9");
            assertThat(a.getError())
                    .contains("lookup POST")
                    .contains("/contacts/search")
                    .contains("401");
        });
        assertThat(intercom.received()).extracting(Received::path).containsExactly("/contacts/search");
        await().until(() -> outcomes(id).size() == 1);
        assertThat(outcomes(id).get(0).getStatus()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void shouldRetryAndThenUpdateWhenTheCreateAnswers409BeforeTheSearchSeesTheContact() {
        // Given a contact Intercom's search has not indexed yet: the first search finds none, the create conflicts
        AtomicInteger searches = new AtomicInteger();
        FakeDestination intercom = intercom(r -> {
            if (r.path().equals("/contacts/search")) {
                return Reply.of(200, Map.of(), searches.incrementAndGet() == 1 ? NO_CONTACT : ONE_CONTACT);
            }
            if (r.method().equals("POST")) {
                return Reply.of(409, Map.of(), CONFLICT);
            }
            return Reply.of(200);
        });
        String id = start("ic-409");

        // When
        identifyAndAwaitDelivery(id, intercom);

        // Then the 409 retries the exchange, whose second search finds the contact and updates it
        assertThat(calls(intercom))
                .containsExactly(
                        "POST /contacts/search",
                        "POST /contacts",
                        "POST /contacts/search",
                        "PUT /contacts/6657add46abd0167d9419cd2");
        assertThat(outcomes(id))
                .filteredOn(o -> o.getStatus() == DeliveryStatus.RETRYING)
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.getHttpStatus()).isEqualTo(409);
                    assertThat(o.getErrorClass()).isEqualTo("lookup_retry");
                });
    }

    /** Sends one identify of user-42, message {@code <id>-m1}. */
    private static void identify(String id, FakeDestination intercom) {
        send(id, List.of(identify(id, intercom, id + "-m1")), 1);
    }

    /** {@link #identify(String, FakeDestination)}, then waits until it is delivered. */
    private static void identifyAndAwaitDelivery(String id, FakeDestination intercom) {
        identify(id, intercom);
        await().until(() -> delivered(id) == 1);
    }

    /** The calls the server received, as "METHOD /path". */
    private static List<String> calls(FakeDestination intercom) {
        return intercom.received().stream()
                .map(r -> r.method() + " " + r.path())
                .toList();
    }

    private FakeDestination intercom(Function<Received, Reply> behaviour) {
        return server(new FakeDestination(behaviour));
    }

    private String start(String prefix) {
        String id = newId(prefix);
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("ws-" + id, Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));
        return id;
    }

    private static long delivered(String id) {
        return outcomes(id).stream()
                .filter(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                .count();
    }

    private static String contact() {
        return "{\"role\":\"user\",\"external_id\":\"user-42\",\"email\":\"ada@example.com\"}";
    }

    /** What the router writes for Intercom's identify action (intercom/identify.yaml), aimed at the server. */
    private static DestinationRequest identify(String destinationId, FakeDestination intercom, String messageId) {
        Map<String, String> headers = Map.of(
                "Accept", "application/json",
                "Authorization", "Bearer ic-token",
                "Content-Type", "application/json",
                "Intercom-Version", "2.11",
                "User-Agent", "Switchboard/test");
        String search = "{\"query\":{\"field\":\"external_id\",\"operator\":\"=\",\"value\":\"user-42\"}}";
        LookupSpec lookup = LookupSpec.newBuilder()
                .setRequest(call("POST", intercom.url("/contacts/search"), headers, search))
                .setFound("$.data[*].id")
                .setOtherwise(call("POST", intercom.url("/contacts"), headers, contact()))
                .setRetry(List.of(409))
                .build();
        return DestinationRequest.newBuilder()
                .setDestinationId(destinationId)
                .setDestinationType("intercom")
                .setMessageIds(List.of(messageId))
                .setMethod("PUT")
                .setUrl(intercom.url("/contacts/{lookup}"))
                .setHeaders(headers)
                .setBody(ByteBuffer.wrap(contact().getBytes(StandardCharsets.UTF_8)))
                .setIdempotencyKey(messageId)
                .setCreatedAt(Instant.now())
                .setLookup(lookup)
                .build();
    }

    private static LookupCall call(String method, String url, Map<String, String> headers, String body) {
        return LookupCall.newBuilder()
                .setMethod(method)
                .setUrl(url)
                .setHeaders(headers)
                .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}

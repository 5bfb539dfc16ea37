/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.http.HttpResult;
import dev.switchboard.delivery.http.StatusClass;
import dev.switchboard.delivery.http.StatusTable;
import dev.switchboard.delivery.retry.CallDecider.Item;
import dev.switchboard.delivery.retry.CallDecider.Verdict;
import dev.switchboard.delivery.retry.RetryPolicy.Decision;
import dev.switchboard.delivery.testing.PartialFailureRules;
import dev.switchboard.schemas.avro.PartialFailureOthers;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallDeciderTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instant NOW = T0.plusSeconds(10);
    private static final BiFunction<Instant, Instant, Duration> NEVER_PAUSED = (a, b) -> Duration.ZERO;
    private static final PartialFailureSpec NAMES_FAILED = PartialFailureSpec.newBuilder()
            .setStatuses(List.of(400))
            .setFailedIndexes(List.of("$.failed[*]"))
            .setOthers(PartialFailureOthers.DELIVERED)
            .build();

    // backoff 1s, 2s, 4s, ... (no jitter), a one-hour window
    private final CallDecider decider = new CallDecider(new RetryPolicy(
            new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), () -> 1.0), Duration.ofHours(1)));

    private static HttpResult answer(int status, Map<String, String> headers, String body) {
        return HttpResult.response(status, headers, body, NOW, 5);
    }

    private static List<Item> firstAttempts(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Item(1, null)).toList();
    }

    @Test
    void shouldFinishEveryRequestWhenTheDestinationTookTheCall() {
        Verdict v = decider.decide(answer(200, Map.of(), "{}"), null, null, firstAttempts(3), NOW, NEVER_PAUSED);
        assertThat(v.decisions()).containsOnly(new Decision.Done());
        assertThat(v.firstAttempts()).containsOnly(NOW); // a first attempt starts the window at this answer
        assertThat(v.destinationWait()).isEmpty();
    }

    @Test
    void shouldHoldTheWholeDestinationAndRetryEachRequestNoEarlierWhenTheAnswerIs429WithRetryAfter() {
        Verdict v = decider.decide(
                answer(429, Map.of("Retry-After", "30"), ""), null, null, firstAttempts(2), NOW, NEVER_PAUSED);
        assertThat(v.call().statusClass()).isEqualTo(StatusClass.RETRYABLE);
        assertThat(v.destinationWait()).contains(Duration.ofSeconds(30));
        assertThat(v.decisions()).containsOnly(new Decision.Retry(NOW.plusSeconds(30)));
    }

    @Test
    void shouldSplitTheBatchWhenTheAnswerNamesTheFailedItems() {
        Verdict v = decider.decide(
                answer(400, Map.of(), "{\"failed\":[1]}"), null, NAMES_FAILED, firstAttempts(3), NOW, NEVER_PAUSED);
        assertThat(v.decisions())
                .containsExactly(
                        new Decision.Done(), new Decision.DeadLetter(RetryPolicy.PARTIAL_FAILURE), new Decision.Done());
        assertThat(v.destinationWait()).isEmpty();
    }

    @Test
    void shouldDeadLetterWhenTheNextAttemptWouldFallOutsideTheWindow() {
        // Given a request first tried 59m58s ago, at its 6th attempt (backoff 32s)
        Item old = new Item(6, NOW.minus(Duration.ofMinutes(59)).minusSeconds(58));
        Verdict v = decider.decide(answer(503, Map.of(), ""), null, null, List.of(old), NOW, NEVER_PAUSED);
        assertThat(v.decisions().get(0)).isInstanceOf(Decision.DeadLetter.class);
        assertThat(((Decision.DeadLetter) v.decisions().get(0)).reason()).startsWith(RetryPolicy.WINDOW_EXPIRED);
    }

    @Test
    void shouldNotCountPausedTimeWhenTheDestinationWasPausedSinceTheFirstAttempt() {
        // Given the same request, but the destination was paused for 30 minutes in between
        Item old = new Item(6, NOW.minus(Duration.ofMinutes(59)).minusSeconds(58));
        Verdict v = decider.decide(
                answer(503, Map.of(), ""), null, null, List.of(old), NOW, (a, b) -> Duration.ofMinutes(30));
        assertThat(v.decisions()).containsExactly(new Decision.Retry(NOW.plusSeconds(32)));
    }

    @Test
    void shouldDeadLetterA200WhenItsBodySaysRejected() {
        SuccessBodySpec engage = SuccessBodySpec.newBuilder()
                .setPath("$.status")
                .setValues(List.of("1"))
                .build();
        Verdict v = decider.decide(
                answer(200, Map.of(), "{\"status\":0,\"error\":\"bad\"}"),
                engage,
                null,
                firstAttempts(1),
                NOW,
                NEVER_PAUSED);
        assertThat(v.classes().get(0).errorClass()).isEqualTo(StatusTable.REJECTED_IN_BODY);
        assertThat(v.decisions().get(0)).isInstanceOf(Decision.DeadLetter.class);
    }

    @Test
    void shouldDeadLetterTheNamedEventAndFinishTheOthersWhenA200SaysOneEventFailed() {
        // Given Pinterest's rule: a 200 whose events[i].status is failed names item i
        PartialFailureSpec pinterest = PartialFailureRules.PINTEREST;
        String body = "{\"events\":[{\"status\":\"processed\"},{\"status\":\"processed\"},"
                + "{\"status\":\"failed\",\"error_message\":\"bad event_time\"}]}";

        // When
        Verdict v = decide(answer(200, Map.of(), body), pinterest, 3);

        // Then the call counts as a success for the limiter, the third event alone is dead-lettered
        assertThat(v.call().statusClass()).isEqualTo(StatusClass.DELIVERED);
        assertThat(v.destinationWait()).isEmpty();
        assertThat(v.decisions())
                .containsExactly(
                        new Decision.Done(), new Decision.Done(), new Decision.DeadLetter(RetryPolicy.PARTIAL_FAILURE));
        assertThat(v.classes().get(2).reason()).contains("bad event_time");
    }

    @Test
    void shouldDeadLetterTheNamedItemWhenA207NamesItAndFinishEveryItemWhenA207NamesNone() {
        // Given Customer.io's rule: a 207 whose errors[].batch_index names items
        PartialFailureSpec customerio = PartialFailureRules.CUSTOMERIO;

        // When / Then
        String body = "{\"errors\":[{\"batch_index\":0,\"reason\":\"invalid\"}]}";
        Verdict named = decide(answer(207, Map.of(), body), customerio, 2);
        assertThat(named.decisions())
                .containsExactly(new Decision.DeadLetter(RetryPolicy.PARTIAL_FAILURE), new Decision.Done());
        Verdict none = decide(answer(207, Map.of(), "{\"errors\":[]}"), customerio, 2);
        assertThat(none.decisions()).containsOnly(new Decision.Done());
    }

    @Test
    void shouldDeadLetterTheItemWhoseIdA207NamesWhenTheItemsCarryTheirBodies() {
        // Given two HubSpot inputs as sent, and a 207 naming the first by its id
        List<Item> items = List.of(
                new Item(1, null, "{\"id\":\"ada@example.com\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new Item(1, null, "{\"id\":\"bob@example.com\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String body = "{\"errors\":[{\"category\":\"VALIDATION_ERROR\",\"context\":{\"ids\":[\"ada@example.com\"]}}]}";

        // When
        Verdict v = decider.decide(
                answer(207, Map.of(), body), null, PartialFailureRules.HUBSPOT, items, NOW, NEVER_PAUSED);

        // Then the first alone is dead-lettered; without the bodies no item could be named
        assertThat(v.decisions())
                .containsExactly(new Decision.DeadLetter(RetryPolicy.PARTIAL_FAILURE), new Decision.Done());
        assertThat(decide(answer(207, Map.of(), body), PartialFailureRules.HUBSPOT, 2)
                        .decisions())
                .containsOnly(new Decision.Done());
    }

    /** The verdict on {@code result} for {@code items} first attempts of a batch reporting failures by {@code rule}. */
    private Verdict decide(HttpResult result, PartialFailureSpec rule, int items) {
        return decider.decide(result, null, rule, firstAttempts(items), NOW, NEVER_PAUSED);
    }
}

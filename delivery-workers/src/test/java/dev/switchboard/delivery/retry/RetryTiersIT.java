/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Received;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.RetryEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No head-of-line blocking on retries: a retry due in 1 s that sits behind one due in 10 minutes
 * on the same partition is attempted within the stated bound of its due time (1 s, the first
 * tier's delay, plus the moves), and one due in 7 s makes its way down the tiers in time.
 */
class RetryTiersIT extends BrokerTestBase {

    private static final Logger LOG = LoggerFactory.getLogger(RetryTiersIT.class);

    /** The bound of {@link RetryTiers} (1 s) with room for a loaded 2-core machine; never early. */
    private static final Duration ALLOWED_LATENESS = Duration.ofSeconds(3);

    @Test
    void shouldAttemptARetryDueSoonWithinTheBoundWhenOneDueInTenMinutesIsAheadOfItOnThePartition() {
        // Given delivery running (a first request delivered: the worker has its partitions)
        FakeDestination server = server(FakeDestination.ok());
        String id = newId("tiers");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("ws-tiers", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));
        send(id, List.of(Requests.single(id, server.url("/r"), id + "-warm-up")), 1);
        await().until(() -> server.received().size() == 1);

        // When one partition of sb.dest.<id>.retry gets a retry due in 10 min ahead of ones due in 1 s and 7 s
        Instant now = Instant.now();
        Instant dueLate = now.plus(Duration.ofMinutes(10));
        Instant dueSoon = now.plusSeconds(1);
        Instant dueLater = now.plusSeconds(7);
        topics.sendAll(
                Topics.retry(id),
                List.of(
                        Map.entry("user-1", envelope(id, server, "late", now, dueLate)),
                        Map.entry("user-1", envelope(id, server, "soon", now, dueSoon)),
                        Map.entry("user-1", envelope(id, server, "later", now, dueLater))));

        // Then the ones due soon are attempted within the bound, never early, and the late one waits in a tier
        await().until(() -> server.received().size() == 3);
        Received soon = call(server, id + "-soon");
        Received later = call(server, id + "-later");
        LOG.info(
                "retry lateness: due in 1 s: {} ms, due in 7 s: {} ms",
                Duration.between(dueSoon, soon.at()).toMillis(),
                Duration.between(dueLater, later.at()).toMillis());
        assertThat(soon.at()).isAfterOrEqualTo(dueSoon).isBefore(dueSoon.plus(ALLOWED_LATENESS));
        assertThat(later.at()).isAfterOrEqualTo(dueLater).isBefore(dueLater.plus(ALLOWED_LATENESS));
        assertThat(server.received())
                .extracting(r -> r.header("Idempotency-Key"))
                .doesNotContain(id + "-late");
        assertThat(topics.readAll(Topics.retryTier(id, Duration.ofMinutes(2))))
                .singleElement()
                .satisfies(r -> assertThat(r.value().getDueAt())
                        .isEqualTo(dueLate.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        assertThat(topics.readAll(Topics.retryTier(id, Duration.ofSeconds(5))))
                .as("7 s: first to the 5 s tier")
                .hasSize(1);
    }

    private static Received call(FakeDestination server, String messageId) {
        return server.received().stream()
                .filter(r -> messageId.equals(r.header("Idempotency-Key")))
                .findFirst()
                .orElseThrow();
    }

    private static RetryEnvelope envelope(String id, FakeDestination server, String name, Instant first, Instant due) {
        DestinationRequest request = Requests.single(id, server.url("/r"), id + "-" + name);
        return new RetryEnvelope(request, List.of(), first, due);
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Received;
import dev.switchboard.delivery.testing.FakeDestination.Reply;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.Redrive;
import dev.switchboard.workspace.config.DeliveryOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A destination outage end to end: requests dead-lettered after the retry window, the destination
 * back, {@code dlq redrive} puts them back, each is delivered once, and a second redrive sends
 * nothing.
 */
class RedriveIT extends BrokerTestBase {

    @Test
    void shouldDeliverEachDeadLetterOnceWhenRedrivenAfterTheDestinationIsBackAndNeverTwice() throws Exception {
        // Given a destination that is down long enough for five requests to be dead-lettered
        FakeDestination server = server(new FakeDestination(r -> Reply.of(503, Map.of(), "maintenance")));
        String id = newId("outage");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace(
                "ws-outage", Requests.destination(id, new DeliveryOptions(null, null, "1s", null, null, null))));
        startApp(fastConfig(Map.of()));
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> id + "-m" + i).toList();
        send(id, ids.stream().map(m -> Requests.single(id, server.url("/x"), m)).toList(), 2);
        DeadLetterQueue dlq = new DeadLetterQueue(KafkaAccess.of(kafka.bootstrapServers()), id);
        await().until(() -> dlq.list(LetterFilter.ALL).size() == 5);
        assertThat(dlq.list(new LetterFilter(null, "5xx", "retry_window_expired", null, 0)))
                .hasSize(5);
        assertThat(dlq.list(new LetterFilter(null, "4xx", null, null, 0))).isEmpty();
        assertThat(dlq.list(new LetterFilter(null, null, null, id + "-m3", 0)))
                .singleElement()
                .satisfies(l -> assertThat(l.lastStatus()).isEqualTo("503"));

        // When the destination is back and the letters are redriven (a dry run first)
        Instant back = Instant.now();
        server.behaviour(r -> Reply.of(200));
        RedriveResult dry =
                dlq.redrive(dlq.list(LetterFilter.ALL), "rd-dry", false, true, DeadLetterQueue.Progress.NONE);
        assertThat(dry.wouldRedrive()).hasSize(5);
        assertThat(dry.redriven()).isEmpty();
        RedriveResult first =
                dlq.redrive(dlq.list(LetterFilter.ALL), "rd-1", false, false, DeadLetterQueue.Progress.NONE);

        // Then each request is delivered exactly once
        assertThat(first.redriven()).hasSize(5);
        assertThat(first.skipped()).isEmpty();
        await().until(() -> outcomes(id).stream()
                        .filter(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                        .count()
                == 5);
        assertThat(callsSince(server, back)).containsOnlyKeys(ids).allSatisfy((m, n) -> assertThat(n)
                .isEqualTo(1));
        List<Redrive> recorded = topics.readAll(Topics.REDRIVES).stream()
                .filter(r -> r.key().startsWith(id + "/"))
                .map(r -> r.value())
                .toList();
        assertThat(recorded).hasSize(5).allSatisfy(r -> assertThat(r.getRedriveId())
                .isEqualTo("rd-1"));
        assertThat(dlq.list(LetterFilter.ALL))
                .allSatisfy(l -> assertThat(l.redriven()).isTrue());

        // and a second redrive without --force puts nothing back
        RedriveResult second =
                dlq.redrive(dlq.list(LetterFilter.ALL), "rd-2", false, false, DeadLetterQueue.Progress.NONE);
        assertThat(second.redriven()).isEmpty();
        assertThat(second.skipped())
                .hasSize(5)
                .allSatisfy(l -> assertThat(l.redrive().getRedriveId()).isEqualTo("rd-1"));
        assertThat(topics.readAll(Topics.destination(id)))
                .as("5 sent + 5 redriven once")
                .hasSize(10);
        // (a marker request proves delivery went on after the second redrive: nothing came before it)
        send(id, List.of(Requests.single(id, server.url("/x"), id + "-marker")), 1);
        await().until(() -> callsSince(server, back).containsKey(id + "-marker"));
        assertThat(callsSince(server, back)).hasSize(6).allSatisfy((m, n) -> assertThat(n)
                .isEqualTo(1));
    }

    private static Map<String, Long> callsSince(FakeDestination server, Instant from) {
        return server.received().stream()
                .filter(r -> !r.at().isBefore(from))
                .collect(Collectors.groupingBy(Received::body, Collectors.counting()))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(e -> messageId(e.getKey()), Map.Entry::getValue, Long::sum));
    }

    private static String messageId(String body) {
        int start = body.indexOf("\"messageId\":\"") + 13;
        return body.substring(start, body.indexOf('"', start));
    }
}

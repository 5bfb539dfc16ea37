/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.dev.WarehouseChoice;
import dev.switchboard.launcher.recovery.OperatorCli.Run;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SRE commands as an operator runs them, against a whole Switchboard (tracking API, router,
 * delivery) on an embedded broker: an outage dead-letters events, {@code dlq list/show/redrive}
 * puts them back once, {@code destination pause/resume} holds delivery, and every bad argument is
 * one line and exit code 2 with nothing written. The output is printed, for docs/operations.md.
 */
class RecoveryCommandsIT {

    @TempDir
    Path dir;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 503;
    private HttpServer receiver;
    private DevMode dev;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status;
            if (answer == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        Path workspace = dir.resolve("workspace.yaml");
        Files.writeString(
                workspace,
                """
                workspace: ops
                sources:
                  - id: web
                    writeKey: wk_ops
                destinations:
                  - id: hooks
                    type: webhook
                    settings: { url: "http://127.0.0.1:%d/hook" }
                    delivery: { retryWindow: 2s }
                connections:
                  - source: web
                    destination: hooks
                """
                        .formatted(receiver.getAddress().getPort()));
        dev = DevMode.start(new DevMode.Options(
                dir.resolve("data"),
                false,
                null,
                0,
                "127.0.0.1",
                0,
                workspace,
                Map.of("switchboard.delivery.backoff.base", "100ms", "switchboard.delivery.backoff.max", "500ms"),
                WarehouseChoice.NONE));
    }

    @AfterEach
    void stop() {
        if (dev != null) {
            dev.close();
        }
        receiver.stop(0);
    }

    @Test
    void shouldRedriveDeadLettersOnceAndPauseDeliveryFromTheCommandLine() throws Exception {
        // Given a destination down long enough for three events to be dead-lettered
        for (int i = 1; i <= 3; i++) {
            track("Order Completed", "m-" + i);
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> run("dlq", "list", "--destination", "hooks").out().contains("3 dead letters"));
        Run list = run("dlq", "list", "--destination", "hooks", "--status", "5xx");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("m-1", "m-2", "m-3", "retry_window_expired", "503");
        Run show = run("dlq", "show", "--destination", "hooks", "--message-id", "m-2");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("\"httpStatus\" : 503", "\"url\" : \"http://127.0.0.1:", "m-2");

        // When the destination is back and the letters are redriven, a dry run first
        status = 200;
        Run dry = run("dlq", "redrive", "--destination", "hooks", "--dry-run");
        assertThat(dry.out()).contains("3 of 3 chosen letters would be redriven", "nothing written");
        Run redrive = run("dlq", "redrive", "--destination", "hooks", "--redrive-id", "rd-outage-1");
        assertThat(redrive.exit()).isZero();
        assertThat(redrive.out()).contains("redrive rd-outage-1: 3 letters put back on sb.dest.hooks, 0 skipped");

        // Then each event arrives once, and a second redrive puts nothing back
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 3);
        Run again = run("dlq", "redrive", "--destination", "hooks");
        assertThat(again.out()).contains(": 0 letters put back on sb.dest.hooks, 3 skipped");
        assertThat(run("dlq", "list", "--destination", "hooks").out()).contains("3 dead letters of hooks, 3 redriven");

        // When the destination is paused, an event arrives, and it is resumed
        Run pause = run("destination", "pause", "hooks", "--reason", "vendor maintenance");
        assertThat(pause.exit()).isZero();
        assertThat(pause.out()).contains("paused delivery to hooks (vendor maintenance)");
        assertThat(run("destination", "pause", "hooks").out()).contains("was already paused");
        Thread.sleep(2_000); // the pause reaches delivery within seconds
        track("Order Completed", "m-paused");
        Thread.sleep(4_000); // twice the retry window
        assertThat(received).hasSize(3);
        Run status = run("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out())
                .containsPattern("web\\s+\\d+\\s+0")
                .containsPattern("hooks\\s+\\d+\\s+0\\s+3/\\d+\\s+[1-9]\\d*\\s+paused\\s+\\S+ HTTP 503")
                .contains("vendor maintenance");
        Run resume = run("destination", "resume", "hooks");
        assertThat(resume.out()).contains("resumed delivery to hooks after");

        // Then it is delivered after the resume, and nothing more was dead-lettered
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 4);
        assertThat(received.get(3)).contains("m-paused");
        assertThat(run("dlq", "list", "--destination", "hooks").out()).contains("3 dead letters of hooks");

        // and the topics show their settings, the archive's retention set from the command line
        assertThat(run("topics", "create", "--archive-retention", "3d").out())
                .contains("set retention of sb.events to PT72H");
        Run topics = run("topics", "describe");
        assertThat(topics.exit()).isZero();
        assertThat(topics.out())
                .containsPattern("sb.events\\s+2\\s+1\\s+72h\\s+delete")
                .containsPattern("sb.control\\s+1\\s+1\\s+\\S+\\s+compact")
                .containsPattern("sb.redrives\\s+1\\s+1\\s+\\S+\\s+compact\\s+\\S+ \\S?B\\s+[3-9]")
                .contains("sb.dest.hooks.retry.1h", "sb.dest.hooks.dlq");
    }

    @Test
    void shouldRefuseEveryBadArgumentWithOneLineAndExitCode2AndWriteNothing() throws Exception {
        List<List<String>> bad = List.of(
                List.of("dlq", "list", "--destination", "nope"),
                List.of("dlq", "list"),
                List.of("dlq", "list", "--destination", "hooks", "--since", "yesterday-ish"),
                List.of("dlq", "list", "--destination", "hooks", "--since", "2999-01-01T00:00:00Z"),
                List.of("dlq", "list", "--destination", "hooks", "--status", "5xxx"),
                List.of("dlq", "list", "--destination", "hooks", "--limit", "-1"),
                List.of("dlq", "show", "--destination", "hooks", "12"),
                List.of("dlq", "show", "--destination", "hooks", "0:999"),
                List.of("dlq", "redrive", "--destination", "nope"),
                List.of("destination", "pause", "nope"),
                List.of("destination", "resume"),
                List.of("destination", "halt", "hooks"),
                List.of("status", "--interval", "0"),
                List.of("topics", "create", "--archive-retention", "7x"));
        for (List<String> args : bad) {
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as("%s", args).hasSize(1);
            assertThat(r.err()).startsWith("error: ");
            System.out.printf("$ switchboard %s%n%s", String.join(" ", args), r.err());
        }
        assertThat(run("dlq", "list", "--destination", "hooks").out()).contains("0 dead letters of hooks");
        assertThat(run("destination", "resume", "hooks").out()).contains("was not paused");
    }

    private Run run(String... args) {
        return OperatorCli.run(dev.bootstrapServers(), args);
    }

    private void track(String event, String messageId) throws Exception {
        OperatorCli.send(
                dev.port(),
                "wk_ops",
                "track",
                "{\"userId\":\"u1\",\"event\":\"" + event + "\",\"messageId\":\"" + messageId + "\"}");
    }
}

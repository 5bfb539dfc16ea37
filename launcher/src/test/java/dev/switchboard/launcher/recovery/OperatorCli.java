/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.launcher.Switchboard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import picocli.CommandLine;

/**
 * What the recovery ITs do as an operator and as a client: run a {@code switchboard} command in this
 * JVM against a broker (its output printed, for docs/operations.md), and send a call to the tracking API.
 */
final class OperatorCli {

    /** What one command printed and its exit code. */
    record Run(int exit, String out, String err) {}

    private OperatorCli() {}

    /** Runs {@code switchboard <args> --kafka <bootstrapServers>}. */
    static Run run(String bootstrapServers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Switchboard.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--kafka";
        all[args.length + 1] = bootstrapServers;
        int exit = cli.execute(all);
        System.out.printf("$ switchboard %s%n%s%s", String.join(" ", args), out, err);
        return new Run(exit, out.toString(), err.toString());
    }

    /** POSTs {@code json} to the tracking API's {@code /v1/<call>} with {@code writeKey}; asserts a 200. */
    static void send(int port, String writeKey, String call, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder()
                                .uri(URI.create("http://127.0.0.1:" + port + "/v1/" + call))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                (writeKey + ":").getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}

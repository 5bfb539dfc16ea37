/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerProbesAndServeTheRolesMetrics() throws Exception {
        // Given: a role that is not ready yet, with one counter in its registry
        AtomicBoolean ready = new AtomicBoolean(false);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("switchboard_test_events").increment(3);
        try (OpsServer ops = new OpsServer("delivery", ready::get, registry)) {
            int port = ops.start("127.0.0.1", 0);

            // Then: alive, not ready, and the metrics scrape
            assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = get(port, "/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"not ready\"", "\"delivery\"");
            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("switchboard_test_events_total 3.0");
            assertThat(get(port, "/other").statusCode()).isEqualTo(404);

            // When the role becomes ready
            ready.set(true);

            // Then
            assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

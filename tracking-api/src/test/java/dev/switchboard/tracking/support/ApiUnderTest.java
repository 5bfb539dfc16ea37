/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.support;

import dev.switchboard.tracking.TrackingApiApp;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.workspace.KafkaConfigView;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The tracking API on an ephemeral port of 127.0.0.1, with its config view, and an HTTP client. */
public final class ApiUnderTest implements AutoCloseable {

    private final KafkaConfigView view;
    private final TrackingApiApp app;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public ApiUnderTest(String bootstrapServers, TrackingApiConfig config) {
        this.view = new KafkaConfigView(bootstrapServers, "tracking-api-test-config").start();
        try {
            if (!view.awaitLoaded(Duration.ofSeconds(60))) {
                throw new IllegalStateException("config view did not load");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        this.app = new TrackingApiApp(
                config.withPort(0), bootstrapServers, view, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        this.port = app.start();
    }

    public ApiUnderTest(String bootstrapServers) {
        this(bootstrapServers, TrackingApiConfig.defaults());
    }

    public TrackingApiApp app() {
        return app;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpClient client() {
        return http;
    }

    /** A request builder for {@code path} with a generous timeout (a hang fails the test, never a clock). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    /** POSTs a JSON body with HTTP Basic auth of {@code writeKey} (null: no auth header). */
    public HttpResponse<String> post(String path, String writeKey, String json) {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (writeKey != null) {
            b.header("Authorization", Http.basic(writeKey));
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        view.close();
    }
}

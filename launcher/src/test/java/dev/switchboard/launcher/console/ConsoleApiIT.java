/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's admin API against the whole system in dev mode: every endpoint, with the token, with a
 * session and its CSRF token, and without them; events sent with Segment's Java library.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static ConsoleFixture fx;
    /** Every body the API answered, to check that no secret is in any. */
    static final List<String> answers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fx = new ConsoleFixture(dir);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    @Order(1)
    void shouldRefuseEveryApiCallWithoutTheTokenOrASessionAndGuardStateChangesWithCsrf() throws Exception {
        // no token, a wrong token, a made-up session cookie
        HttpResponse<String> none = call("GET", "/api/workspace", null, Map.of());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).path("code").asText()).isEqualTo("unauthorized");
        HttpResponse<String> wrong =
                call("GET", "/api/workspace", null, Map.of("Authorization", "Bearer not-the-token-at-all"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("code").asText()).isEqualTo("invalid_token");
        HttpResponse<String> forged = call("GET", "/api/workspace", null, Map.of("Cookie", "sb_console=forged"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).path("code").asText()).isEqualTo("session_expired");
        assertThat(call("POST", "/api/login", "{\"token\":\"wrong\"}", Map.of()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> badLink = call("GET", "/login?token=wrong", null, Map.of());
        assertThat(badLink.statusCode()).isEqualTo(303);
        assertThat(badLink.headers().firstValue("Location")).hasValue("/#/login?failed=1");
        assertThat(badLink.headers().firstValue("Set-Cookie")).isEmpty();

        // the login link sets an HttpOnly, SameSite=Strict session cookie
        HttpResponse<String> link = call("GET", "/login?token=" + fx.dev.consoleToken(), null, Map.of());
        assertThat(link.statusCode()).isEqualTo(303);
        String setCookie = link.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> session = call("GET", "/api/session", null, Map.of("Cookie", cookie));
        assertThat(session.statusCode()).isEqualTo(200);
        String csrf = json(session).path("csrf").asText();
        assertThat(csrf).hasSizeGreaterThan(20);

        // a state change with the cookie needs the CSRF token; with the bearer token it does not
        assertThat(call("POST", "/api/destinations/quiet/pause", "{}", Map.of("Cookie", cookie))
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/destinations/quiet/pause", "{}", Map.of("Cookie", cookie, "X-CSRF-Token", "nope"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> paused = call(
                "POST",
                "/api/destinations/quiet/pause",
                "{\"reason\":\"console test\"}",
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(json(paused).path("changed").asBoolean()).isTrue();
        assertThat(destination(api("/api/workspace"), "quiet").path("paused").asBoolean())
                .isTrue();
        HttpResponse<String> resumed = call("POST", "/api/destinations/quiet/resume", "{}", bearer());
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(destination(api("/api/workspace"), "quiet").path("paused").asBoolean())
                .isFalse();

        // logging out ends the session
        assertThat(call("POST", "/api/logout", "{}", Map.of("Cookie", cookie, "X-CSRF-Token", csrf))
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/session", null, Map.of("Cookie", cookie)).statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(2)
    void shouldServeThePagesWithAPolicyThatForbidsInlineScript() throws Exception {
        HttpResponse<String> page = call("GET", "/", null, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app.js\">");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(call("GET", "/app.js", null, Map.of()).body())
                .contains("textContent")
                .doesNotContain("innerHTML");
        assertThat(call("GET", "/readyz", null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/nothing-here", null, bearer()).statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void shouldShowTheWorkspaceWithWriteKeysAndSecretsMasked() throws Exception {
        JsonNode ws = api("/api/workspace");
        JsonNode web = ws.path("workspaces").get(0).path("sources").get(0);
        assertThat(web.path("id").asText()).isEqualTo("web");
        assertThat(web.path("writeKeys").get(0).asText()).startsWith("wk_c").doesNotContain(ConsoleFixture.WRITE_KEY);
        JsonNode hooks = destination(ws, "hooks");
        assertThat(hooks.path("settings").path("sharedSecret").asText()).isEqualTo("••••••");
        assertThat(hooks.path("settings").path("url").asText()).startsWith("http://127.0.0.1:");
        JsonNode quiet = ws.path("workspaces").get(0).path("connections").get(1);
        assertThat(quiet.path("filters").get(0).path("if").asText())
                .isEqualTo("type = \"track\" and event = \"Debug\"");
    }

    @Test
    @Order(4)
    void shouldListCallsFromSegmentsLibraryLiveWithSearchRoutingAndRejections() throws Exception {
        // Given a live stream opened before anything is sent
        List<String> frames = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> stream = fx.http.send(
                HttpRequest.newBuilder(URI.create(fx.consoleUrl() + "/api/sources/web/live"))
                        .header("Authorization", "Bearer " + fx.dev.consoleToken())
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("data: ")) {
                        frames.add(line.substring(6));
                    }
                }
            } catch (Exception e) {
                // closed at the end
            }
        });

        // When Segment's Java library sends an identify, a track, an event the quiet destination filters out,
        // and one with the integrations object turning quiet off; and a batch with one item missing both ids
        fx.sendWithSegmentsLibrary(
                IdentifyMessage.builder()
                        .userId("u-ada")
                        .messageId("c-identify")
                        .traits(Map.of("name", "Ada")),
                TrackMessage.builder("Order Completed")
                        .userId("u-ada")
                        .messageId("c-order")
                        .properties(Map.of("revenue", 42)),
                TrackMessage.builder("Debug").userId("u-ada").messageId("c-debug"),
                TrackMessage.builder("Only Hooks")
                        .userId("u-ada")
                        .messageId("c-only")
                        .enableIntegration("All", false)
                        .enableIntegration("hooks", true));
        assertThat(
                        fx.sendRaw(
                                "/v1/batch",
                                """
                {"batch":[{"type":"track","event":"Fine","userId":"u-b","messageId":"c-fine"},
                          {"type":"track","event":"Nobody","messageId":"c-nobody"}]}"""))
                .isEqualTo(200);

        // Then the calls are listed newest first, routed as fan-out decided, the bad item with its reason
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode calls = api("/api/sources/web/calls").path("calls");
            assertThat(ids(calls)).contains("c-identify", "c-order", "c-debug", "c-only", "c-fine", "c-nobody");
            assertThat(call(calls, "c-order").path("status").asText()).isEqualTo("routed");
        });
        JsonNode calls = api("/api/sources/web/calls").path("calls");
        assertThat(call(calls, "c-nobody").path("status").asText()).isEqualTo("rejected");
        assertThat(call(calls, "c-nobody").path("reason").asText()).containsIgnoringCase("userId");
        assertThat(call(calls, "c-order").path("event").asText()).isEqualTo("Order Completed");

        // And search finds by event name, by userId, by any text, and by type
        assertThat(ids(api("/api/sources/web/calls?q=order%20completed").path("calls")))
                .containsExactly("c-order");
        assertThat(ids(api("/api/sources/web/calls?q=c-debug").path("calls"))).containsExactly("c-debug");
        assertThat(ids(api("/api/sources/web/calls?type=identify").path("calls")))
                .containsExactly("c-identify");
        assertThat(ids(api("/api/sources/web/calls?q=Ada").path("calls"))).contains("c-identify");

        // And the live stream carried them
        await().atMost(Duration.ofSeconds(10))
                .until(() -> String.join("\n", frames).contains("c-order"));

        // And each trace shows fan-out's decision per destination
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(routing(api("/api/trace/c-debug")))
                    .containsEntry("hooks", "routed")
                    .containsEntry("quiet", "filter");
            assertThat(routing(api("/api/trace/c-only"))).containsEntry("quiet", "integrations");
        });
        JsonNode trace = api("/api/trace/c-order");
        assertThat(trace.path("received").path("raw").asText()).contains("\"revenue\":42");
        assertThat(trace.path("enriched").path("raw").asText()).contains("\"receivedAt\"");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api("/api/trace/c-order").path("attempts").size() >= 2);
        trace = api("/api/trace/c-order");
        assertThat(trace.path("requests").findValuesAsText("destinationId")).contains("hooks", "quiet");
        assertThat(trace.path("attempts").findValuesAsText("status")).containsOnly("delivered");
        JsonNode hooksRequest = first(trace.path("requests"), "destinationId", "hooks");
        assertThat(hooksRequest.path("headers").toString()).doesNotContain(ConsoleFixture.SHARED_SECRET);
        assertThat(call("GET", "/api/trace/never-sent", null, bearer()).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/sources/nope/calls", null, bearer()).statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void shouldListTheSourcesPlanViolationsWithTheirCountsPerKind() throws Exception {
        // Given web's tracking plan (allow), where Plan Checked's sku is a string
        // When a Plan Checked with a numeric sku comes
        assertThat(fx.sendRaw(
                        "/v1/track",
                        "{\"userId\":\"u-v\",\"event\":\"Plan Checked\",\"messageId\":\"c-violation\","
                                + "\"properties\":{\"sku\":5}}"))
                .isEqualTo(200);

        // Then the violations view lists it with its pointer, kind, expected, actual and plan version
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ids(api("/api/sources/web/violations").path("violations"))
                        .contains("c-violation"));
        JsonNode view = api("/api/sources/web/violations");
        JsonNode v = call(view.path("violations"), "c-violation");
        assertThat(v.path("event").asText()).isEqualTo("Plan Checked");
        assertThat(v.path("pointer").asText()).isEqualTo("/properties/sku");
        assertThat(v.path("kind").asText()).isEqualTo("TYPE_MISMATCH");
        assertThat(v.path("expected").asText()).isEqualTo("type: string");
        assertThat(v.path("actual").asText()).isEqualTo("integer");
        assertThat(v.path("planVersion").asInt()).isEqualTo(1);
        assertThat(v.path("blocked").asBoolean()).isFalse();

        // And the counts per kind add up to the total, this one among them
        long sum = 0;
        for (JsonNode n : view.path("counts")) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(view.path("total").asLong());
        assertThat(view.path("counts").path("TYPE_MISMATCH").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(call("GET", "/api/sources/nope/violations", null, bearer()).statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(6)
    void shouldShowDeliveryErrorsAndRedriveDeadLettersOnce() throws Exception {
        // Given hooks answering 503 until the events are dead-lettered
        fx.status.set(503);
        fx.sendWithSegmentsLibrary(
                TrackMessage.builder("Checkout Failed").userId("u-ada").messageId("d-1"),
                TrackMessage.builder("Checkout Failed").userId("u-ada").messageId("d-2"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api("/api/destinations/hooks/dead-letters")
                                .path("letters")
                                .size()
                        >= 2);

        // Then event delivery counts them and shows each error with its request and the response
        JsonNode delivery = api("/api/destinations/hooks/delivery");
        assertThat(delivery.path("hour").path("steps").path("deadLettered").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(delivery.path("hour").path("steps").path("delivered").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(delivery.path("hour").path("p50Ms").asLong()).isNotNegative();
        assertThat(delivery.path("trend")).hasSize(60);
        JsonNode error = delivery.path("errors").get(0);
        assertThat(error.path("response").path("httpStatus").asInt()).isEqualTo(503);
        assertThat(error.path("response").path("responseBody").asText()).contains("hooks is down for maintenance");
        assertThat(error.path("response")
                        .path("responseHeaders")
                        .path("x-vendor-trace")
                        .asText())
                .isEqualTo("vt-123");
        assertThat(error.path("request").path("url").asText()).endsWith("/hook");
        assertThat(error.path("request").path("body").asText()).contains("Checkout Failed");
        JsonNode quietDelivery = api("/api/destinations/quiet/delivery");
        assertThat(quietDelivery
                        .path("hour")
                        .path("steps")
                        .path("droppedFilter")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(quietDelivery
                        .path("hour")
                        .path("steps")
                        .path("skippedIntegrations")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(quietDelivery
                        .path("hour")
                        .path("steps")
                        .path("ingestRefused")
                        .asLong())
                .isGreaterThanOrEqualTo(1);

        // And one letter shows whole, with every attempt
        JsonNode letters =
                api("/api/destinations/hooks/dead-letters?status=5xx").path("letters");
        String id = letters.get(0).path("id").asText();
        JsonNode letter = api("/api/destinations/hooks/dead-letters/" + id);
        assertThat(letter.path("reason").asText()).isNotBlank();
        assertThat(letter.path("attemptList").get(0).path("httpStatus").asInt()).isEqualTo(503);
        assertThat(letter.path("request").path("headers").toString()).doesNotContain(ConsoleFixture.SHARED_SECRET);
        assertThat(call("GET", "/api/destinations/hooks/dead-letters/not-an-id", null, bearer())
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/destinations/hooks/dead-letters/redrive", "{}", bearer())
                        .statusCode())
                .isEqualTo(400);

        // When hooks is back and the letters are redriven
        fx.status.set(200);
        int before = fx.received.size();
        List<String> ids = new ArrayList<>();
        letters.forEach(l -> ids.add(l.path("id").asText()));
        JsonNode redrive = json(call(
                "POST",
                "/api/destinations/hooks/dead-letters/redrive",
                JSON.writeValueAsString(Map.of("ids", ids)),
                bearer()));
        assertThat(redrive.path("redriven")).hasSize(ids.size());

        // Then each is delivered once, and redriving again puts nothing back
        await().atMost(Duration.ofSeconds(30)).until(() -> fx.received.size() >= before + ids.size());
        JsonNode again = json(call(
                "POST",
                "/api/destinations/hooks/dead-letters/redrive",
                JSON.writeValueAsString(Map.of("ids", ids)),
                bearer()));
        assertThat(again.path("redriven")).isEmpty();
        assertThat(again.path("skipped")).hasSize(ids.size());
        Thread.sleep(2_000);
        assertThat(fx.received).hasSize(before + ids.size());
        assertThat(fx.received.stream().filter(b -> b.contains("\"d-1\"")).count())
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void shouldNeverAnswerASecretOrAFullWriteKey() {
        assertThat(answers).isNotEmpty();
        for (String a : answers) {
            assertThat(a).doesNotContain(ConsoleFixture.SHARED_SECRET).doesNotContain(ConsoleFixture.WRITE_KEY);
        }
    }

    // ---- helpers ----

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + fx.dev.consoleToken());
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = call("GET", path, null, bearer());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json(r);
    }

    private static HttpResponse<String> call(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.consoleUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        HttpResponse<String> r = fx.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        answers.add(r.body());
        return r;
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static JsonNode destination(JsonNode ws, String id) {
        return first(ws.path("workspaces").get(0).path("destinations"), "id", id);
    }

    private static JsonNode first(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static List<String> ids(JsonNode calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.path("messageId").asText()));
        return out;
    }

    private static JsonNode call(JsonNode calls, String messageId) {
        return first(calls, "messageId", messageId);
    }

    private static Map<String, String> routing(JsonNode trace) {
        Map<String, String> out = new java.util.TreeMap<>();
        trace.path("routing")
                .forEach(r -> out.put(
                        r.path("destinationId").asText(), r.path("outcome").asText()));
        return out;
    }
}

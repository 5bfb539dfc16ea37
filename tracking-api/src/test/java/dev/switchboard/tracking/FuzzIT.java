/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.tracking.support.Http;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz run: 1,200 random and mutated bodies, paths and headers. Every answer is 2xx or 4xx,
 * the server keeps serving, and {@code sb.ingest.raw} holds exactly the events the 200 answers
 * accepted: nothing is written for a refused request. The seed is printed on failure; set
 * {@code -Dfuzz.seed=N} to replay a run.
 */
class FuzzIT extends ApiIntegrationBase {

    private static final int REQUESTS = 1200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PATHS = {
        "/v1/track",
        "/v1/identify",
        "/v1/page",
        "/v1/screen",
        "/v1/group",
        "/v1/alias",
        "/v1/batch",
        "/v1/import/",
        "/v1/t",
        "/v1/i",
        "/v1/b",
        "/v1/p",
        "/v1/zzz",
        "/v2/track",
        "/v1/track/extra"
    };
    private static final String[] SEEDS = {
        "{\"userId\":\"f\",\"event\":\"E\",\"properties\":{\"a\":1}}",
        "{\"anonymousId\":\"f\",\"traits\":{\"email\":\"x@y.z\"},\"context\":{\"ip\":\"1.2.3.4\"}}",
        "{\"userId\":\"f\",\"groupId\":\"g\",\"name\":\"N\",\"category\":\"C\",\"previousId\":\"p\",\"event\":\"E\"}",
        "{\"batch\":[{\"type\":\"track\",\"userId\":\"f\",\"event\":\"E\"},{\"type\":\"identify\",\"anonymousId\":\"a\"}],"
                + "\"context\":{\"library\":{\"name\":\"fuzz\"}},\"sentAt\":\"2024-01-01T00:00:00Z\"}",
        "{\"batch\":[{\"type\":\"page\",\"userId\":\"f\",\"name\":\"Home\"},{\"type\":\"alias\",\"userId\":\"f\",\"previousId\":\"p\"},"
                + "{\"type\":\"group\",\"userId\":\"f\",\"groupId\":\"g\"}]}"
    };
    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "true",
        "1e999",
        "-0",
        "\"type\"",
        "\"batch\"",
        "\"userId\"",
        "\\u0000",
        "\uD83D\uDE00",
        "\"writeKey\":\"wk_web_123\"",
        "\"messageId\":123",
        "[[[[[[",
        "\"context\":\"x\""
    };

    @Test
    void shouldOnlyAnswer2xxOr4xxAndWriteOnlyAcceptedEventsWhenFedRandomInput() {
        // Given
        long seed = Long.getLong("fuzz.seed", 20261124L);
        Random random = new Random(seed);
        long acceptedEvents = 0;
        int ok = 0;

        // When
        for (int i = 0; i < REQUESTS; i++) {
            String path = random.nextInt(4) == 0 ? PATHS[random.nextInt(PATHS.length)] : PATHS[random.nextInt(11)];
            String body = body(random);
            HttpResponse<String> response = api.send(request(random, path, body));

            // Then (per request)
            int status = response.statusCode();
            assertThat(status)
                    .as("seed %d request %d %s %s", seed, i, path, body)
                    .isBetween(200, 499);
            if (status == 200) {
                ok++;
                acceptedEvents += accepted(response.body(), body, path);
            }
        }

        // Then (overall)
        assertThat(ok).as("the run must accept some requests to prove anything").isGreaterThan(50);
        assertThat(REQUESTS - ok).as("and refuse many").isGreaterThan(300);
        assertThat(api.post(
                                "/v1/track",
                                Workspace.WEB_KEY,
                                "{\"userId\":\"f\",\"event\":\"Marker\",\"messageId\":\"fuzz-end\"}")
                        .statusCode())
                .isEqualTo(200);
        List<ConsumerRecord<String, RawCall>> records = raw.take((int) acceptedEvents + 1);
        assertThat(records.get(records.size() - 1).value().getMessageId())
                .as("exactly the accepted events were written (seed %d)", seed)
                .isEqualTo("fuzz-end");
        assertThat(api.send(api.request("/healthz").GET().build()).statusCode()).isEqualTo(200);
    }

    /** Events accepted by a 200: the count in the answer, else the whole single call or batch that was sent. */
    private static long accepted(String answer, String sent, String path) {
        JsonNode json = parse(answer);
        if (json.has("accepted")) {
            return json.get("accepted").asLong();
        }
        boolean batch = path.equals("/v1/batch") || path.equals("/v1/import/") || path.equals("/v1/b");
        return batch ? parse(sent).get("batch").size() : 1;
    }

    private static HttpRequest request(Random random, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = api.request(path);
        switch (random.nextInt(6)) {
            case 0 -> b.header("Authorization", Http.basic(Workspace.WEB_KEY));
            case 1 -> b.header("Authorization", "Basic " + headerText(random, 12));
            case 2 -> b.header("X-Write-Key", random.nextBoolean() ? Workspace.BACKEND_KEY : headerText(random, 5));
            case 3 -> b.header("Authorization", "Bearer " + headerText(random, 20));
            default -> {
                // body writeKey only, or none
            }
        }
        String[] types = {"application/json", "text/plain", "application/x-www-form-urlencoded", "", "image/png"};
        String type = types[random.nextInt(types.length)];
        if (!type.isEmpty()) {
            b.header("Content-Type", type);
        }
        switch (random.nextInt(8)) {
            case 0 -> {
                b.header("Content-Encoding", "gzip");
                bytes = random.nextBoolean() ? Http.gzip(body) : bytes;
            }
            case 1 -> b.header("Content-Encoding", headerText(random, 4));
            default -> {
                // identity
            }
        }
        return b.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private static String body(Random random) {
        String seed = SEEDS[random.nextInt(SEEDS.length)];
        if (random.nextInt(3) == 0) {
            seed = seed.replaceFirst("\\{", "{\"writeKey\":\"wk_web_123\",");
        }
        StringBuilder s = new StringBuilder(seed);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && s.length() > 0; m++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> s.setCharAt(at, (char) random.nextInt(0x7f));
                case 3 -> s.setLength(at);
                default -> s.insert(at, randomText(random, random.nextInt(10)));
            }
        }
        return random.nextInt(20) == 0 ? randomText(random, random.nextInt(200)) : s.toString();
    }

    /** Printable ASCII without spaces: what an HTTP client lets through as a header value. */
    private static String headerText(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return s.toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f)));
        }
        return s.toString();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a 200 answered what the test cannot read back: " + text, e);
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.schemas.JsonNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed body checked the way Segment documents it for webhook receivers: HMAC-SHA1 of
 * {@code JSON.stringify(req.body)} with the shared secret, for events holding characters outside the
 * Basic Multilingual Plane (emoji), which Jackson's byte writer used to send as surrogate escapes.
 */
class SignatureReceiverTest {

    private static final ObjectMapper ROUTER = JsonNumbers.mapper(); // what the router writes the archive with

    private static final String HOOK =
            """
            slug: hook
            name: Hook
            settings:
              url: { type: string, required: true, description: where }
              secret: { type: string, secret: true, description: key }
            authentication: { type: hmac, secret: { '@path': $settings.secret } }
            """;

    private static final String EVENT =
            """
            {"messageId":"m1","type":"track","event":"Summit reached \uD83C\uDFD4","userId":"u1",
             "properties":{"peak":"K2 \uD83E\uDDD7\u200D\u2640\uFE0F","price":25.0,"note":"caf\u00e9 \u2603"}}""";

    @Test
    void shouldMatchTheReceiversJsonStringifyDigestWhenTheEventHoldsEmoji() throws Exception {
        for (MappedRequest r : requests()) {
            // Then the emoji are UTF-8 bytes, never escaped, and a receiver re-serialising the parsed body gets
            // the very bytes that were signed
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).doesNotContain("\\u");
            byte[] stringified =
                    ROUTER.writeValueAsString(ROUTER.readTree(r.body())).getBytes(StandardCharsets.UTF_8);
            assertThat(stringified).isEqualTo(r.body());
            assertThat(r.headers().get("X-Signature")).isEqualTo(hmacHex("s3cret", stringified));
        }
    }

    @Test
    void shouldVerifyWithNodesJsonStringifyWhenNodeIsInstalled(@TempDir Path dir) throws Exception {
        // the receiver of Segment's documentation, run by Node itself
        Path receiver = dir.resolve("verify.js");
        Files.writeString(
                receiver,
                """
                const crypto = require('crypto');
                const body = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
                const digest = crypto.createHmac('sha1', 's3cret').update(JSON.stringify(body)).digest('hex');
                process.stdout.write(digest === process.argv[3] ? 'valid' : 'invalid ' + digest);
                """);
        for (MappedRequest r : requests()) {
            Path body = Files.write(dir.resolve("body.json"), r.body());
            String answer =
                    node(receiver.toString(), body.toString(), r.headers().get("X-Signature"));
            assertThat(answer).isEqualTo("valid");
        }
    }

    /** The request written by the engine, and the one whose body is the router's archived text. */
    private static List<MappedRequest> requests() throws Exception {
        DeclarativeMapper mapper = DestinationLoader.load(
                "hook",
                Map.of(
                        "destination.yaml", HOOK.getBytes(StandardCharsets.UTF_8),
                        "send.yaml",
                                "trigger: all\nrequest:\n  url: { '@path': $settings.url }\n  body: { '@path': $. }\n"
                                        .getBytes(StandardCharsets.UTF_8)));
        ObjectNode event = (ObjectNode) ROUTER.readTree(EVENT);
        MapperContext context = new MapperContext(
                "hooks", (ObjectNode) ROUTER.readTree("{\"url\":\"https://h.example/x\",\"secret\":\"s3cret\"}"));
        MappedRequest written = mapper.map(event, context).get(0);
        MappedRequest archived =
                mapper.map(event, ROUTER.writeValueAsBytes(event), context).get(0);
        return List.of(written, archived);
    }

    private static String node(String... args) throws IOException, InterruptedException {
        Process p;
        try {
            List<String> command = new java.util.ArrayList<>(List.of("node"));
            command.addAll(List.of(args));
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(false).as("node is not installed: " + e.getMessage()).isTrue();
            throw e;
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String hmacHex(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}

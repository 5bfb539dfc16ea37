/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local webhook endpoint for dev mode: {@code POST /dev/inbox} keeps the last requests it received
 * (headers and body) and {@code GET /dev/inbox} lists them, newest first, with whether their
 * {@code X-Signature} matches the dev secret.
 */
public final class DevInbox {

    static final String PATH = "/dev/inbox";
    private static final int KEEP = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final Deque<ObjectNode> received = new ArrayDeque<>();

    public DevInbox(String sharedSecret) {
        this.secret = sharedSecret == null ? null : sharedSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Mounts the inbox's routes. */
    public void mount(Router router) {
        router.get(PATH).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(list().toPrettyString()));
        router.post(PATH).handler(this::receive);
        router.put(PATH).handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        if (ctx.body() != null && ctx.body().available()) {
            record(ctx, ctx.body().buffer());
        } else {
            ctx.request().body().onSuccess(buffer -> record(ctx, buffer)).onFailure(ctx::fail);
        }
    }

    private void record(RoutingContext ctx, Buffer buffer) {
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        ObjectNode entry = JSON.createObjectNode();
        entry.put("receivedAt", Instant.now().toString());
        entry.put("method", ctx.request().method().name());
        ObjectNode headers = entry.putObject("headers");
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        entry.put("signature", signature(ctx.request().getHeader("X-Signature"), body));
        entry.set("body", parse(body));
        synchronized (received) {
            received.addFirst(entry);
            while (received.size() > KEEP) {
                received.removeLast();
            }
        }
        ctx.response().putHeader("Content-Type", "application/json").end("{\"ok\":true}");
    }

    /** The requests received so far, newest first. */
    public ArrayNode list() {
        ArrayNode out = JSON.createArrayNode();
        synchronized (received) {
            received.forEach(out::add);
        }
        return out;
    }

    private String signature(String header, byte[] body) {
        if (header == null) {
            return "absent";
        }
        if (secret == null) {
            return "not checked";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII)) ? "valid" : "invalid";
        } catch (GeneralSecurityException e) {
            return "not checked: " + e.getMessage();
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }
}

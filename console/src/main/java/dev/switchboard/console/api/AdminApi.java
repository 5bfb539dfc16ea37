/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.auth.ConsoleAuth;
import dev.switchboard.console.live.Recorder;
import dev.switchboard.console.live.Trace;
import dev.switchboard.delivery.recovery.DeadLetterQueue;
import dev.switchboard.delivery.recovery.DestinationControls;
import dev.switchboard.delivery.recovery.Letter;
import dev.switchboard.delivery.recovery.LetterFilter;
import dev.switchboard.delivery.recovery.RedriveResult;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.ops.HttpReplies;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.ConfigView;
import dev.switchboard.workspace.config.DestinationConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The admin API, mounted under {@code /api}: every route but {@code POST /api/login} is behind
 * {@link ConsoleAuth#guard}. Dead letters, redrive and pause/resume call delivery's recovery classes, the
 * ones {@code switchboard dlq} and {@code switchboard destination} use; their Kafka I/O runs off the event
 * loop. Answers are JSON; errors are {@code {"code","message"}} as everywhere in Switchboard.
 */
public final class AdminApi {

    /** Most calls one list answer holds. */
    static final int MAX_CALLS = 500;

    private final Vertx vertx;
    private final ConsoleAuth auth;
    private final Recorder recorder;
    private final ConfigView config;
    private final MapperRegistry registry;
    private final KafkaAccess kafka;
    private final DestinationControls controls;
    private final Clock clock;
    private final Views views = new Views(this::redactor);
    private final WorkspaceView workspaceView;

    public AdminApi(
            Vertx vertx,
            ConsoleAuth auth,
            Recorder recorder,
            ConfigView config,
            MapperRegistry registry,
            KafkaAccess kafka,
            DestinationControls controls,
            Clock clock) {
        this.vertx = vertx;
        this.auth = auth;
        this.recorder = recorder;
        this.config = config;
        this.registry = registry;
        this.kafka = kafka;
        this.controls = controls;
        this.clock = clock;
        this.workspaceView = new WorkspaceView(registry, controls);
    }

    public void mount(Router router) {
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/api/login").handler(this::login);
        router.route("/api/*").handler(auth::guard);
        router.get("/api/session").handler(this::session);
        router.post("/api/logout").handler(ctx -> {
            auth.logout(ctx);
            HttpReplies.json(ctx, 200, "{\"loggedOut\":true}");
        });
        router.get("/api/workspace").handler(ctx -> blocking(ctx, () -> workspaceView.render(config.current())));
        router.get("/api/sources/:source/calls").handler(this::calls);
        router.get("/api/sources/:source/violations").handler(this::violations);
        router.get("/api/sources/:source/live").handler(ctx -> LiveStream.open(ctx, vertx, recorder, views));
        router.get("/api/trace/:messageId").handler(this::trace);
        router.get("/api/destinations/:destination/delivery").handler(this::delivery);
        router.get("/api/destinations/:destination/dead-letters").handler(this::deadLetters);
        router.get("/api/destinations/:destination/dead-letters/:letter").handler(this::deadLetter);
        router.post("/api/destinations/:destination/dead-letters/redrive").handler(this::redrive);
        router.post("/api/destinations/:destination/pause").handler(ctx -> control(ctx, true));
        router.post("/api/destinations/:destination/resume").handler(ctx -> control(ctx, false));
    }

    private void login(RoutingContext ctx) {
        JsonNode body = body(ctx);
        if (body == null || !auth.isToken(body.path("token").asText(null))) {
            HttpReplies.error(ctx, 401, "invalid_token", "that is not the console's token", null);
            return;
        }
        ConsoleAuth.Session s = auth.login(ctx);
        HttpReplies.json(
                ctx,
                200,
                Views.JSON
                        .createObjectNode()
                        .put("csrf", s.csrf())
                        .put("expiresAt", s.expiresAt().toString())
                        .toString());
    }

    private void session(RoutingContext ctx) {
        ConsoleAuth.Session s = auth.session(ctx);
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("csrf", s == null ? null : s.csrf());
        n.put("expiresAt", s == null ? null : s.expiresAt().toString());
        n.put("caughtUp", recorder.caughtUp());
        HttpReplies.json(ctx, 200, n.toString());
    }

    /** The {@code :source} of the path when a workspace has it; else answers 404 and gives null. */
    private String knownSource(RoutingContext ctx) {
        String source = ctx.pathParam("source");
        if (source(source).isPresent()) {
            return source;
        }
        notFound(ctx, "no source '" + source + "' in any workspace");
        return null;
    }

    private void calls(RoutingContext ctx) {
        String source = knownSource(ctx);
        if (source == null) {
            return;
        }
        int limit = intParam(ctx, "limit", 100, 1, MAX_CALLS);
        long after = intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        Recorder.Calls page = recorder.calls(
                source,
                after,
                limit,
                matcher(ctx.queryParams().get("q"), ctx.queryParams().get("type")));
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("lastSeq", page.lastSeq());
        ArrayNode calls = n.putArray("calls");
        page.calls().forEach(c -> calls.add(views.call(c)));
        HttpReplies.json(ctx, 200, n.toString());
    }

    private void violations(RoutingContext ctx) {
        String source = knownSource(ctx);
        if (source != null) {
            var found = recorder.violations(source, intParam(ctx, "limit", 100, 1, MAX_CALLS));
            HttpReplies.json(ctx, 200, ViolationsView.render(source, found).toString());
        }
    }

    /** Search: any of the listed fields equal to {@code q}, or the call's text containing it (case-insensitive). */
    static Predicate<Trace> matcher(String q, String type) {
        String needle = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        return t -> {
            if (type != null && !type.isBlank()) {
                String actual = t.event() != null ? t.event().getType() : null;
                if (actual == null && t.received() != null) {
                    actual = t.received().getPayload().contains("\"type\":\"" + type + "\"") ? type : null;
                }
                if (!type.equals(actual)) {
                    return false;
                }
            }
            if (needle == null) {
                return true;
            }
            if (t.messageId().toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
            String text = t.received() != null
                    ? t.received().getPayload()
                    : t.event() != null ? t.event().getJson() : "";
            if (text.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
            return t.rejections().stream()
                    .anyMatch(r -> r.getReason().toLowerCase(Locale.ROOT).contains(needle));
        };
    }

    private void trace(RoutingContext ctx) {
        String id = ctx.pathParam("messageId");
        Optional<Trace> t = recorder.trace(id);
        if (t.isEmpty()) {
            notFound(ctx, "messageId '" + id + "' is not among the recent messageIds the console has read");
            return;
        }
        HttpReplies.json(ctx, 200, views.trace(t.get()).toString());
    }

    private void delivery(RoutingContext ctx) {
        String id = ctx.pathParam("destination");
        if (destination(id).isEmpty()) {
            notFound(ctx, "no destination '" + id + "' in any workspace");
            return;
        }
        HttpReplies.json(
                ctx, 200, DeliveryView.render(recorder.delivery(id), views).toString());
    }

    private void deadLetters(RoutingContext ctx) {
        String id = ctx.pathParam("destination");
        if (destination(id).isEmpty()) {
            notFound(ctx, "no destination '" + id + "' in any workspace");
            return;
        }
        LetterFilter filter;
        try {
            String since = ctx.queryParams().get("since");
            filter = new LetterFilter(
                    since == null || since.isBlank() ? null : Instant.parse(since),
                    blankToNull(ctx.queryParams().get("status")),
                    blankToNull(ctx.queryParams().get("reason")),
                    blankToNull(ctx.queryParams().get("messageId")),
                    intParam(ctx, "limit", 200, 1, 10_000));
        } catch (RuntimeException e) {
            HttpReplies.error(ctx, 400, "invalid_filter", e.getMessage(), null);
            return;
        }
        blocking(ctx, () -> {
            ObjectNode n = Views.JSON.createObjectNode();
            ArrayNode letters = n.putArray("letters");
            new DeadLetterQueue(kafka, id).list(filter).forEach(l -> letters.add(views.letter(l, false)));
            return n;
        });
    }

    private void deadLetter(RoutingContext ctx) {
        String id = ctx.pathParam("destination");
        long[] at;
        try {
            at = Letter.parseId(ctx.pathParam("letter"));
        } catch (IllegalArgumentException e) {
            HttpReplies.error(ctx, 400, "invalid_letter_id", e.getMessage(), null);
            return;
        }
        blocking(ctx, () -> new DeadLetterQueue(kafka, id)
                .find((int) at[0], at[1])
                .map(l -> views.letter(l, true))
                .orElse(null));
    }

    private void redrive(RoutingContext ctx) {
        String id = ctx.pathParam("destination");
        JsonNode body = body(ctx);
        if (destination(id).isEmpty()) {
            notFound(ctx, "no destination '" + id + "' in any workspace");
            return;
        }
        if (body == null || !body.path("ids").isArray() || body.path("ids").isEmpty()) {
            HttpReplies.error(ctx, 400, "invalid_request", "give the letters to redrive: {\"ids\":[\"0:12\"]}", "ids");
            return;
        }
        Set<String> ids = new HashSet<>();
        try {
            for (JsonNode i : body.path("ids")) {
                Letter.parseId(i.asText());
                ids.add(i.asText());
            }
        } catch (IllegalArgumentException e) {
            HttpReplies.error(ctx, 400, "invalid_letter_id", e.getMessage(), "ids");
            return;
        }
        boolean force = body.path("force").asBoolean(false);
        blocking(ctx, () -> {
            DeadLetterQueue dlq = new DeadLetterQueue(kafka, id);
            List<Letter> chosen = new ArrayList<>();
            for (Letter l : dlq.list(LetterFilter.ALL)) {
                if (ids.contains(l.id())) {
                    chosen.add(l);
                }
            }
            String redriveId = "console-" + clock.instant().toEpochMilli();
            RedriveResult r = dlq.redrive(chosen, redriveId, force, false, DeadLetterQueue.Progress.NONE);
            ObjectNode n = Views.JSON.createObjectNode();
            n.put("redriveId", r.redriveId());
            ArrayNode redriven = n.putArray("redriven");
            r.redriven().forEach(l -> redriven.add(l.id()));
            ArrayNode skipped = n.putArray("skipped");
            r.skipped().forEach(l -> skipped.add(l.id()));
            ArrayNode missing = n.putArray("notFound");
            ids.stream()
                    .filter(i -> chosen.stream().noneMatch(l -> l.id().equals(i)))
                    .sorted()
                    .forEach(missing::add);
            return n;
        });
    }

    private void control(RoutingContext ctx, boolean pause) {
        String id = ctx.pathParam("destination");
        if (destination(id).isEmpty()) {
            notFound(ctx, "no destination '" + id + "' in any workspace");
            return;
        }
        JsonNode body = body(ctx);
        String reason = body == null ? null : body.path("reason").asText(null);
        String why = reason == null || reason.isBlank()
                ? (pause ? "paused in the console" : "resumed in the console")
                : reason;
        blocking(ctx, () -> {
            Instant now = clock.instant();
            var before = pause ? controls.pause(id, why, now) : controls.resume(id, why, now);
            return Views.JSON
                    .createObjectNode()
                    .put("destinationId", id)
                    .put("paused", pause)
                    .put("changed", before.paused() != pause);
        });
    }

    /** Runs {@code work} off the event loop; a null answer is a 404, an exception a 500 naming it. */
    private void blocking(RoutingContext ctx, Callable<JsonNode> work) {
        vertx.<JsonNode>executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                HttpReplies.error(
                        ctx, 500, "internal_error", String.valueOf(ar.cause().getMessage()), null);
            } else if (ar.result() == null) {
                notFound(ctx, "not found");
            } else {
                HttpReplies.json(ctx, 200, ar.result().toString());
            }
        });
    }

    private Redactor redactor(String destinationId) {
        return destination(destinationId).map(d -> Redactor.of(d, registry)).orElse(Redactor.none());
    }

    private Optional<DestinationConfig> destination(String id) {
        for (CompiledWorkspace w : config.current().workspaces()) {
            Optional<DestinationConfig> d = w.destination(id);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private Optional<?> source(String id) {
        return config.current().workspaces().stream()
                .flatMap(w -> w.source(id).stream())
                .findFirst();
    }

    private static JsonNode body(RoutingContext ctx) {
        try {
            String text = ctx.body() == null ? null : ctx.body().asString();
            return text == null || text.isBlank() ? null : Views.JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void notFound(RoutingContext ctx, String message) {
        HttpReplies.error(ctx, 404, "not_found", message, null);
    }
}

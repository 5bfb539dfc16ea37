/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.live.Recorder;
import dev.switchboard.console.live.Trace;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source's calls as server-sent events. Updates are coalesced: every {@value #FRAME_MS} ms at most one
 * {@code calls} event goes out with the newest {@value #PER_FRAME} calls that arrived since the last one and
 * how many arrived in all; at 1,000 calls/s the browser gets four small frames a second, not a thousand
 * messages, and shows "n more" for what it did not list. The search of the page applies ({@code q},
 * {@code type}). A call sent while still only received (the router has not judged it yet) is watched, at
 * most {@value #WATCHED} of them, and sent again in the frame's {@code updates} once it is routed or
 * rejected, so the page's status and detail follow. A comment line every 15 s keeps proxies from closing
 * an idle stream.
 */
final class LiveStream {

    static final long FRAME_MS = 250;
    static final int PER_FRAME = 50;
    static final int WATCHED = 500;
    private static final long KEEPALIVE_MS = 15_000;

    private LiveStream() {}

    static void open(RoutingContext ctx, Vertx vertx, Recorder recorder, Views views) {
        String source = ctx.pathParam("source");
        var matches =
                AdminApi.matcher(ctx.queryParams().get("q"), ctx.queryParams().get("type"));
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        long[] last = {parse(ctx.queryParams().get("after"))};
        if (last[0] <= 0) {
            last[0] = recorder.calls(source, Long.MAX_VALUE, 0, t -> true).lastSeq();
        }
        response.write("retry: 2000\n\n");
        long[] idle = {0};
        Map<String, Long> watched = new LinkedHashMap<>(); // messageId -> seq, touched on the event loop only
        long timer = vertx.setPeriodic(FRAME_MS, id -> {
            if (response.closed() || response.ended()) {
                vertx.cancelTimer(id);
                return;
            }
            Recorder.Calls page = recorder.calls(source, last[0], PER_FRAME, matches);
            List<Recorder.Call> updates = judged(recorder, watched);
            if ((page.arrived() == 0 || page.lastSeq() == last[0]) && updates.isEmpty()) {
                idle[0] += FRAME_MS;
                if (idle[0] >= KEEPALIVE_MS) {
                    idle[0] = 0;
                    response.write(": keepalive\n\n");
                }
                return;
            }
            idle[0] = 0;
            ObjectNode frame = Views.JSON.createObjectNode();
            frame.put("lastSeq", page.lastSeq());
            frame.put("arrived", page.arrived());
            ArrayNode calls = frame.putArray("calls");
            page.calls().forEach(c -> calls.add(views.call(c)));
            ArrayNode changed = frame.putArray("updates");
            updates.forEach(c -> changed.add(views.call(c)));
            page.calls().stream()
                    .filter(c -> Views.status(c.trace()).equals(Views.RECEIVED))
                    .forEach(c -> watched.put(c.trace().messageId(), c.seq()));
            while (watched.size() > WATCHED) {
                watched.remove(watched.keySet().iterator().next());
            }
            last[0] = page.lastSeq();
            response.write("event: calls\nid: " + page.lastSeq() + "\ndata: " + frame + "\n\n");
        });
        response.closeHandler(v -> vertx.cancelTimer(timer));
    }

    /** The watched calls the router has judged since; they leave the watch. */
    private static List<Recorder.Call> judged(Recorder recorder, Map<String, Long> watched) {
        List<Recorder.Call> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = watched.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> w = it.next();
            Optional<Trace> t = recorder.trace(w.getKey());
            if (t.isEmpty()) {
                it.remove();
            } else if (!Views.status(t.get()).equals(Views.RECEIVED)) {
                out.add(new Recorder.Call(w.getValue(), t.get()));
                it.remove();
            }
        }
        return out;
    }

    private static long parse(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

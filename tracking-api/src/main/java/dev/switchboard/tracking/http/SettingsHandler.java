/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ops.HttpReplies;
import dev.switchboard.ops.OpsHandlers;
import dev.switchboard.tracking.auth.ClientAddress;
import dev.switchboard.workspace.ConfigView;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * {@code GET /v1/projects/{writeKey}/settings}: the CDN settings document analytics-next (analytics.js)
 * loads before it sends anything. It points the {@code Segment.io} integration at this host
 * ({@code apiHost} is {@code host[:port]/v1} with no scheme, {@code protocol} http or https), enables
 * every event in the plan, and sets {@code metrics.sampleRate} to 0 so the page makes no call to
 * Segment's own hosts. The host is the {@code public-url} option, else the request's Host header (and
 * {@code X-Forwarded-Proto} from a trusted proxy).
 */
public final class SettingsHandler implements Handler<RoutingContext> {

    private final ConfigView configView;
    private final ObjectMapper mapper;
    private final ClientAddress proxies;
    private final String publicUrl;

    public SettingsHandler(ConfigView configView, ObjectMapper mapper, ClientAddress proxies, String publicUrl) {
        this.configView = configView;
        this.mapper = mapper;
        this.proxies = proxies;
        this.publicUrl = publicUrl;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.put(OpsHandlers.METRIC_PATH, "/v1/projects/settings");
        String writeKey = ctx.pathParam("writeKey");
        if (configView.current().sourceByWriteKey(writeKey).isEmpty()) {
            HttpReplies.error(
                    ctx, 404, "unknown_source", "unknown writeKey: no source of this deployment has it", "writeKey");
            return;
        }
        String[] hostAndProtocol = hostAndProtocol(ctx.request());
        ctx.response().putHeader("Cache-Control", "public, max-age=60");
        HttpReplies.json(ctx, 200, document(writeKey, hostAndProtocol[0] + "/v1", hostAndProtocol[1]));
    }

    /** The settings document for one write key. */
    String document(String writeKey, String apiHost, String protocol) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode segment = root.putObject("integrations").putObject("Segment.io");
        segment.put("apiKey", writeKey);
        segment.put("apiHost", apiHost);
        segment.put("protocol", protocol);
        segment.put("addBundledMetadata", true);
        segment.putArray("unbundledIntegrations");
        segment.putObject("maybeBundledConfigIds");
        ObjectNode plan = root.putObject("plan");
        plan.putObject("track").putObject("__default").put("enabled", true).putObject("integrations");
        plan.putObject("identify").putObject("__default").put("enabled", true);
        plan.putObject("group").putObject("__default").put("enabled", true);
        root.putObject("edgeFunction");
        root.put("analyticsNextEnabled", true);
        root.putObject("middlewareSettings");
        root.putObject("enabledMiddleware");
        root.putObject("metrics").put("sampleRate", 0);
        root.put("legacyVideoPluginsEnabled", false);
        root.putArray("remotePlugins");
        return root.toString();
    }

    private String[] hostAndProtocol(HttpServerRequest request) {
        if (!publicUrl.isEmpty()) {
            URI uri = URI.create(publicUrl);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new String[] {uri.getRawAuthority() + path, uri.getScheme()};
        }
        String protocol = request.scheme();
        String forwarded = request.getHeader("X-Forwarded-Proto");
        String peer =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (forwarded != null && peer != null && proxies.isTrusted(peer)) {
            protocol = forwarded.trim().toLowerCase(java.util.Locale.ROOT);
        }
        String host = request.authority() != null ? request.authority().toString() : request.host();
        return new String[] {host, "https".equals(protocol) ? "https" : "http"};
    }
}

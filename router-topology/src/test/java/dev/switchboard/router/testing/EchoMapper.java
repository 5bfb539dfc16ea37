/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.Lookup;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.mappers.api.SettingSpec;
import dev.switchboard.mappers.api.SettingType;
import dev.switchboard.mappers.api.SettingsSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A destination type for router tests: one POST to the {@code url} setting with the event as body
 * (the shared text when the router gives it).
 * Events with {@code properties.invalid = true} are invalid for it; {@code properties.boom = true}
 * makes it throw, as a buggy mapper would; {@code properties.lookup = true} gives a request with a lookup.
 */
public final class EchoMapper implements DestinationMapper {

    @Override
    public String slug() {
        return "echo";
    }

    @Override
    public String catalogName() {
        return "Echo";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(Map.of(
                "url", new SettingSpec(SettingType.STRING, true, false, null, "where to post"),
                "tag",
                        new SettingSpec(
                                SettingType.STRING,
                                false,
                                false,
                                JsonNodeFactory.instance.textNode("default-tag"),
                                "an example setting with a default")));
    }

    @Override
    public List<MappedRequest> map(ObjectNode event, MapperContext context) throws PayloadInvalidException {
        return map(event, null, context);
    }

    /** Like the webhook type: the body is the event's text as the router wrote it, when given. */
    @Override
    public List<MappedRequest> map(ObjectNode event, byte[] eventJson, MapperContext context)
            throws PayloadInvalidException {
        if (event.path("properties").path("invalid").asBoolean()) {
            throw new PayloadInvalidException("properties.invalid", "the echo destination refuses invalid events");
        }
        if (event.path("properties").path("boom").asBoolean()) {
            throw new IllegalStateException("boom");
        }
        String messageId = event.get("messageId").asText();
        byte[] body = eventJson != null ? eventJson : event.toString().getBytes(StandardCharsets.UTF_8);
        BatchSpec batch = context.settings().path("batch").asBoolean()
                ? new BatchSpec(
                        body,
                        BatchSpec.Format.JSON_ARRAY,
                        null,
                        null,
                        10,
                        100_000,
                        new BatchSpec.PartialFailure(List.of(400), List.of("$.failed[*]"), BatchSpec.Others.RETRY))
                : null;
        String url = context.settings().get("url").asText();
        if (event.path("properties").path("lookup").asBoolean()) {
            Lookup.Call search =
                    new Lookup.Call("POST", url + "/search", Map.of(), "{\"q\":1}".getBytes(StandardCharsets.UTF_8));
            Lookup.Call create = new Lookup.Call("POST", url, Map.of("X-Tag", "create"), body);
            return List.of(new MappedRequest(
                    "PUT",
                    url + "/" + Lookup.MARKER,
                    Map.of(),
                    body,
                    List.of(messageId),
                    messageId,
                    null,
                    null,
                    null,
                    new Lookup(search, "$.data[*].id", List.of(404), create, List.of(409))));
        }
        return List.of(new MappedRequest(
                "POST",
                url,
                Map.of("X-Tag", context.settings().get("tag").asText()),
                body,
                List.of(messageId),
                messageId,
                batch == null ? null : "echo",
                batch));
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.router;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.SettingSpec;
import dev.switchboard.mappers.api.SettingType;
import dev.switchboard.mappers.api.SettingsSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A webhook-like destination type that costs next to nothing: one POST per event to the {@code url}
 * setting, the event as body and its messageId as idempotency key. The benchmark measures the
 * router around the mapper, not a mapper.
 */
final class BenchMapper implements DestinationMapper {

    static final String SLUG = "bench-echo";

    @Override
    public String slug() {
        return SLUG;
    }

    @Override
    public String catalogName() {
        return "Bench Echo";
    }

    @Override
    public SettingsSchema settingsSchema() {
        return new SettingsSchema(
                Map.of("url", new SettingSpec(SettingType.STRING, true, false, null, "where to post")));
    }

    @Override
    public List<MappedRequest> map(ObjectNode event, MapperContext context) {
        return map(event, null, context);
    }

    /** Like the webhook type: the event's text as the router wrote it, when at hand. */
    @Override
    public List<MappedRequest> map(ObjectNode event, byte[] eventJson, MapperContext context) {
        String messageId = event.get("messageId").asText();
        return List.of(new MappedRequest(
                "POST",
                context.settings().get("url").asText(),
                Map.of("Content-Type", "application/json"),
                eventJson != null ? eventJson : event.toString().getBytes(StandardCharsets.UTF_8),
                List.of(messageId),
                messageId,
                null,
                null));
    }
}

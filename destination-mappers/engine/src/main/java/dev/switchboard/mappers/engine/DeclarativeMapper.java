/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.mappers.api.SettingsSchema;
import dev.switchboard.mappers.engine.directives.MappingFailure;
import dev.switchboard.mappers.engine.directives.Mappings;
import dev.switchboard.mappers.engine.directives.Resolver;
import dev.switchboard.mappers.engine.directives.Scope;
import dev.switchboard.mappers.engine.internal.ActionSpec;
import dev.switchboard.mappers.engine.internal.AuthSpec;
import dev.switchboard.mappers.engine.internal.Endpoints;
import dev.switchboard.mappers.engine.internal.RequestRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A destination type defined by a folder of YAML. For each action whose trigger matches the event it
 * renders one request. Every request carries the event's messageId as its idempotency key. Stateless and
 * thread-safe; {@link #map} does no I/O and lets no unchecked exception out.
 */
public final class DeclarativeMapper implements DestinationMapper {

    private final DestinationDefinition definition;
    private final List<ActionSpec> actions;
    private final Endpoints endpoints;
    private final RequestRenderer renderer;

    DeclarativeMapper(DestinationDefinition definition, List<ActionSpec> actions, AuthSpec auth, Endpoints endpoints) {
        this.definition = definition;
        this.actions = List.copyOf(actions);
        this.endpoints = endpoints;
        this.renderer = new RequestRenderer(auth);
    }

    @Override
    public String slug() {
        return definition.slug();
    }

    @Override
    public String catalogName() {
        return definition.name();
    }

    @Override
    public SettingsSchema settingsSchema() {
        return definition.settings();
    }

    /** What the folder declares. */
    public DestinationDefinition definition() {
        return definition;
    }

    @Override
    public List<MappedRequest> map(ObjectNode event, MapperContext context) throws PayloadInvalidException {
        try {
            return mapChecked(event, context);
        } catch (MappingFailure e) {
            throw new PayloadInvalidException(e.field(), slug() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // a bug or an event shape no directive expected: reject the event, never crash the stage
            throw new PayloadInvalidException("event", slug() + " could not map the event: " + e);
        }
    }

    private List<MappedRequest> mapChecked(ObjectNode event, MapperContext context) throws PayloadInvalidException {
        JsonNode id = event.get("messageId");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new PayloadInvalidException(
                    "messageId", "the event has no messageId; every request needs one as its idempotency key");
        }
        String messageId = id.asText();
        ObjectNode settings = context.settings() == null ? Mappings.emptyObject() : context.settings();
        Map<String, JsonNode> named = new HashMap<>();
        named.put("settings", settings);
        named.put("event", event);
        if (endpoints != null) {
            named.put("endpoint", TextNode.valueOf(endpoints.resolve(settings)));
        }
        Scope scope = new Scope(event, named);
        List<MappedRequest> out = new ArrayList<>();
        for (ActionSpec action : actions) {
            if (!action.trigger().matches(event)) {
                continue;
            }
            action.checkRequired(scope, slug());
            Scope actionScope = action.fields().isEmpty() ? scope : scope.with("fields", fields(action, scope));
            out.add(renderer.render(action, actionScope, messageId, context.destinationId()));
        }
        return out;
    }

    private static ObjectNode fields(ActionSpec action, Scope scope) {
        ObjectNode out = Mappings.emptyObject();
        for (Map.Entry<String, Resolver> f : action.fields().entrySet()) {
            JsonNode v = f.getValue().resolve(scope);
            if (v != null) {
                out.set(f.getKey(), v);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "DeclarativeMapper[" + slug() + "]";
    }
}

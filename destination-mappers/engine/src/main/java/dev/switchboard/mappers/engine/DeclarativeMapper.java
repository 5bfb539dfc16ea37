/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.mappers.api.SettingProblem;
import dev.switchboard.mappers.api.SettingsSchema;
import dev.switchboard.mappers.engine.definition.DestinationDefinition;
import dev.switchboard.mappers.engine.directives.MappingDefinitionException;
import dev.switchboard.mappers.engine.directives.MappingFailure;
import dev.switchboard.mappers.engine.directives.Mappings;
import dev.switchboard.mappers.engine.directives.Resolver;
import dev.switchboard.mappers.engine.directives.Scope;
import dev.switchboard.mappers.engine.internal.ActionSpec;
import dev.switchboard.mappers.engine.internal.AuthSpec;
import dev.switchboard.mappers.engine.internal.Endpoints;
import dev.switchboard.mappers.engine.internal.RequestRenderer;
import dev.switchboard.mappers.engine.internal.UserAgentFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A destination type defined by a folder of YAML. For each action whose trigger matches the event it
 * renders one request, or one per element of the action's {@code each} list. Every request carries the
 * event's messageId as its idempotency key (the vendor's own key, such as an insert id, tells the
 * elements apart). Besides {@code $settings}, {@code $event}, {@code $endpoint} and {@code $fields},
 * mappings read {@code $userAgent} (see {@code UserAgentFields}). Stateless and thread-safe; {@link #map}
 * does no I/O and lets no unchecked exception out.
 */
public final class DeclarativeMapper implements DestinationMapper {

    private final DestinationDefinition definition;
    private final List<ActionSpec> actions;
    private final Endpoints endpoints;
    private final RequestRenderer renderer;
    private final Map<JsonNode, Resolver> overrideCache = new java.util.concurrent.ConcurrentHashMap<>();

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
        return map(event, null, context);
    }

    @Override
    public List<MappedRequest> map(ObjectNode event, byte[] eventJson, MapperContext context)
            throws PayloadInvalidException {
        // Only a MappingFailure is bad data; any other exception is a bug of the engine and reaches the
        // caller as it is (the router's internal-error path), never dressed up as the sender's fault.
        try {
            return mapChecked(event, eventJson, context);
        } catch (MappingFailure e) {
            throw new PayloadInvalidException(e.field(), slug() + ": " + e.getMessage());
        }
    }

    private List<MappedRequest> mapChecked(ObjectNode event, byte[] eventJson, MapperContext context)
            throws PayloadInvalidException {
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
        JsonNode userAgent = UserAgentFields.of(event);
        if (userAgent != null) {
            named.put("userAgent", userAgent);
        }
        Scope scope = new Scope(event, named);
        List<MappedRequest> out = new ArrayList<>();
        for (ActionSpec action : actions) {
            if (!context.runs(action.name()) || !action.trigger().matches(event)) {
                continue;
            }
            action.checkRequired(scope, slug());
            if (action.each() == null) {
                out.add(render(action, scope, context, messageId, eventJson));
                continue;
            }
            JsonNode list = action.each().resolve(scope);
            if (list == null || !list.isArray()) {
                continue; // nothing to send one request per element of
            }
            for (int i = 0; i < list.size(); i++) {
                Scope element = scope.with("item", list.get(i)).with("index", IntNode.valueOf(i));
                out.add(render(action, element, context, messageId, null));
            }
        }
        return out;
    }

    private MappedRequest render(
            ActionSpec action, Scope scope, MapperContext context, String messageId, byte[] eventJson) {
        Scope actionScope = action.fields().isEmpty()
                ? scope
                : scope.with("fields", fields(action, scope, context.mapping().path(action.name())));
        return renderer.render(action, actionScope, messageId, context.destinationId(), eventJson);
    }

    /** The action's fields: the connection's override of a field where it has one, else the default. */
    private ObjectNode fields(ActionSpec action, Scope scope, JsonNode overrides) {
        ObjectNode out = Mappings.emptyObject();
        // a field reads the fields declared before it as $fields.x (a body shared by two requests of a lookup)
        Scope earlier = scope.with("fields", out);
        for (Map.Entry<String, Resolver> f : action.fields().entrySet()) {
            JsonNode override = overrides.get(f.getKey());
            Resolver resolver = override == null ? f.getValue() : compiled(override);
            JsonNode v = resolver.resolve(earlier);
            if (v != null) {
                out.set(f.getKey(), v);
            }
        }
        return out;
    }

    /** Compiles an override once; overrides were checked at {@code config apply}. */
    private Resolver compiled(JsonNode mapping) {
        return overrideCache.computeIfAbsent(mapping, m -> {
            try {
                return Mappings.compile(m);
            } catch (MappingDefinitionException e) {
                throw new MappingFailure(
                        "mapping", "the connection's mapping override does not compile: " + e.getMessage());
            }
        });
    }

    /**
     * Enabled actions must be this type's actions; a mapping override names an action and one of its
     * declared fields, and must compile.
     */
    @Override
    public List<SettingProblem> checkConnection(List<String> enabledActions, ObjectNode mapping) {
        Map<String, ActionSpec> byName = new java.util.LinkedHashMap<>();
        actions.forEach(a -> byName.put(a.name(), a));
        List<SettingProblem> problems = new ArrayList<>();
        for (String name : enabledActions) {
            if (!byName.containsKey(name)) {
                problems.add(new SettingProblem(
                        "enabledActions",
                        "'" + name + "' is not an action of " + slug() + "; actions: " + byName.keySet()));
            }
        }
        mapping.fields().forEachRemaining(a -> {
            ActionSpec action = byName.get(a.getKey());
            if (action == null) {
                problems.add(new SettingProblem(
                        "mapping/" + a.getKey(),
                        "'" + a.getKey() + "' is not an action of " + slug() + "; actions: " + byName.keySet()));
                return;
            }
            a.getValue().fields().forEachRemaining(f -> {
                String at = "mapping/" + a.getKey() + "/" + f.getKey();
                if (!action.fields().containsKey(f.getKey())) {
                    problems.add(new SettingProblem(
                            at,
                            "action '" + action.name() + "' has no field '" + f.getKey() + "' to override; fields: "
                                    + action.fields().keySet()));
                    return;
                }
                try {
                    Mappings.compile(f.getValue());
                } catch (MappingDefinitionException e) {
                    problems.add(new SettingProblem(at, "invalid mapping: " + e.getMessage()));
                }
            });
        });
        return problems;
    }

    @Override
    public String toString() {
        return "DeclarativeMapper[" + slug() + "]";
    }
}

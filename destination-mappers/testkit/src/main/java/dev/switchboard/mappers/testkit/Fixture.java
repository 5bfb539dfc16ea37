/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.mappers.api.SettingProblem;
import dev.switchboard.mappers.engine.DeclarativeMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One golden case: {@code <name>.input.json} = {@code {"settings": {...}, "event": <Segment call>}} and
 * {@code <name>.expected.json} = {@code {"requests": [...]}} or {@code {"error": {...}}}.
 *
 * @param slug the destination
 * @param name the case name ({@code <action>-<what>})
 * @param input the input file
 * @param expected the expected file
 */
public record Fixture(String slug, String name, Path input, Path expected) {

    static final String INPUT = ".input.json";
    static final String EXPECTED = ".expected.json";
    /** The destination id fixtures map for. */
    static final String DESTINATION_ID = "fixture";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The input document. */
    public JsonNode inputJson() {
        try {
            return JSON.readTree(input.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(input + " is not valid JSON", e);
        }
    }

    /** The event of the input. */
    public ObjectNode event() {
        JsonNode e = inputJson().get("event");
        if (e == null || !e.isObject()) {
            throw new IllegalStateException(input + ": needs \"event\": the verbatim Segment call");
        }
        return (ObjectNode) e;
    }

    /** The settings of the input with the schema's defaults applied, as the router passes them. */
    public ObjectNode settings(DeclarativeMapper mapper) {
        JsonNode s = inputJson().get("settings");
        ObjectNode settings = s != null && s.isObject() ? (ObjectNode) s : JSON.createObjectNode();
        List<SettingProblem> problems = mapper.settingsSchema().validate(settings);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(input + ": settings are invalid: " + problems);
        }
        return mapper.settingsSchema().withDefaults(settings);
    }

    /** Maps the input and renders what came out, as the expected file holds it. */
    public ObjectNode run(DeclarativeMapper mapper) {
        ObjectNode out = JSON.createObjectNode();
        try {
            List<MappedRequest> requests = mapper.map(event(), new MapperContext(DESTINATION_ID, settings(mapper)));
            ArrayNode array = out.putArray("requests");
            requests.forEach(r -> array.add(RequestJson.render(r)));
        } catch (PayloadInvalidException e) {
            out.putObject("error")
                    .put("type", "PAYLOAD_INVALID")
                    .put("field", e.field())
                    .put("message", e.getMessage());
        }
        return out;
    }

    /** The raw requests of the input; empty when the event is invalid. */
    public List<MappedRequest> requests(DeclarativeMapper mapper) {
        try {
            return mapper.map(event(), new MapperContext(DESTINATION_ID, settings(mapper)));
        } catch (PayloadInvalidException e) {
            return List.of();
        }
    }

    /** The expected file's text, or null when it does not exist yet. */
    public String expectedText() {
        try {
            return Files.exists(expected) ? Files.readString(expected) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical text of an output: two-space indented, one trailing newline. */
    public static String text(JsonNode output) {
        try {
            return JSON.writeValueAsString(output).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

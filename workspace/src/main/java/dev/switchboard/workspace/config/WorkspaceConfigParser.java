/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.options.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code workspace.yaml} into a {@link WorkspaceConfig}. Fails on unknown keys (naming the
 * closest known one), missing required keys, duplicate ids, dangling references and unset
 * {@code ${ENV_VAR}}s, each with the line it is on.
 */
public final class WorkspaceConfigParser {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern MASK = Pattern.compile("__sb_env_(\\d+)__");
    private static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WorkspaceConfigParser() {}

    /** Parses YAML text, substituting {@code ${VAR}} and {@code ${VAR:-default}} from {@code env}. */
    public static ParsedWorkspace parseYaml(String text, String origin, UnaryOperator<String> env)
            throws ConfigException {
        Checked checked = check(text, origin, env);
        if (!checked.problems().isEmpty()) {
            throw new ConfigException(checked.problems());
        }
        return checked.parsed();
    }

    /** A workspace read from a file, and what is wrong with it (empty when nothing). */
    public record Checked(ParsedWorkspace parsed, List<ConfigProblem> problems) {}

    /**
     * Like {@link #parseYaml}, but returns the workspace with its problems, so that a caller can add
     * its own checks and report every problem at once; throws only when there is no workspace to
     * check (unreadable YAML, unknown keys, wrong types, unset variables).
     */
    public static Checked check(String text, String origin, UnaryOperator<String> env) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        // Each ${VAR} is masked by a token that YAML reads as part of a string anywhere (in a flow
        // mapping, in quotes), and replaced inside string values once the YAML is read, never in its
        // text: a value with '#', ': ' or a line break stays one string and cannot add keys.
        List<String[]> variables = new ArrayList<>();
        String masked = mask(text, variables);
        Map<String, Integer> lines;
        JsonNode tree;
        try {
            lines = locate(masked);
            tree = YAML.readTree(masked);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(describe(e, origin, Map.of())));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(List.of(new ConfigProblem(origin, 0, "", "the file is empty")));
        }
        tree = substitute(tree, "", new Variables(variables, env, origin, lines, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        WorkspaceConfig config;
        try {
            config = YAML.treeToValue(tree, WorkspaceConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(describe(e, origin, lines)));
        }
        if (config == null) {
            throw new ConfigException(List.of(new ConfigProblem(origin, 0, "", "the file is empty")));
        }
        ParsedWorkspace parsed = new ParsedWorkspace(config, origin, lines);
        return new Checked(parsed, validate(parsed));
    }

    /** Reads the canonical JSON document of a {@code sb.config} record. */
    public static WorkspaceConfig parseDocument(String json) {
        try {
            return JSON.readValue(json, WorkspaceConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a workspace document: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical JSON document written to {@code sb.config}. */
    public static String toDocument(WorkspaceConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every {@code ${VAR}} or {@code ${VAR:-default}} replaced by a mask token. */
    private static String mask(String text, List<String[]> variables) {
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "__sb_env_" + variables.size() + "__");
            variables.add(new String[] {m.group(1), m.group(2)});
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The variables found in the text, and where to resolve and report them. */
    private record Variables(
            List<String[]> found,
            UnaryOperator<String> env,
            String origin,
            Map<String, Integer> lines,
            List<ConfigProblem> problems) {

        /** {@code text} with its mask tokens replaced by the variables' values. */
        String resolve(String text, String pointer) {
            Matcher m = MASK.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String[] variable = found.get(Integer.parseInt(m.group(1)));
                String value = env.apply(variable[0]);
                if ((value == null || value.isEmpty()) && variable[1] != null) {
                    value = variable[1]; // as the shell's ${VAR:-default}: unset or empty takes the default
                }
                if (value == null) {
                    problems.add(new ConfigProblem(
                            origin,
                            lines.getOrDefault(pointer, 0),
                            pointer,
                            "environment variable " + variable[0] + " is not set (use ${" + variable[0]
                                    + ":-default} for a default)"));
                    value = "";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** {@code node} with the variables of every string value in it resolved (containers in place). */
    private static JsonNode substitute(JsonNode node, String pointer, Variables variables) {
        if (node.isTextual()) {
            return TextNode.valueOf(variables.resolve(node.textValue(), pointer));
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String key = field.getKey().replace("~", "~0").replace("/", "~1");
                field.setValue(substitute(field.getValue(), pointer + "/" + key, variables));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), pointer + "/" + i, variables));
            }
        }
        return node;
    }

    /** The line of every key and value, by JSON pointer. */
    private static Map<String, Integer> locate(String yaml) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME || !lines.containsKey(pointer)) {
                    lines.put(pointer, p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static ConfigProblem describe(JsonProcessingException e, String origin, Map<String, Integer> lines) {
        JsonLocation loc = e.getLocation();
        String path = e instanceof JsonMappingException jme ? pointer(jme.getPath()) : "";
        // The key's own line when we know it; Jackson's location may point past the value.
        int line = path.isEmpty()
                ? (loc == null ? 0 : loc.getLineNr())
                : lines.getOrDefault(path, loc == null ? 0 : loc.getLineNr());
        if (e instanceof UnrecognizedPropertyException u) {
            String hint = Suggestions.closest(u.getPropertyName(), u.getKnownPropertyIds());
            return new ConfigProblem(
                    origin,
                    line,
                    path,
                    "unknown key '" + u.getPropertyName() + "'"
                            + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                            + "; known keys: " + u.getKnownPropertyIds());
        }
        return new ConfigProblem(origin, line, path, e.getOriginalMessage());
    }

    private static String pointer(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.toString();
    }

    /** Structural checks: required keys, id syntax, duplicates, references. */
    private static List<ConfigProblem> validate(ParsedWorkspace parsed) {
        WorkspaceConfig c = parsed.config();
        List<ConfigProblem> problems = new ArrayList<>();
        if (c.workspace() == null || !WORKSPACE_ID.matcher(c.workspace()).matches()) {
            problems.add(parsed.problem(
                    "/workspace", "'workspace' is required: an id of letters, digits, '_' or '-' (at most 100)"));
        }
        Map<String, Integer> sourceIds = new HashMap<>();
        Map<String, String> writeKeys = new HashMap<>();
        for (int i = 0; i < c.sources().size(); i++) {
            SourceConfig s = c.sources().get(i);
            String at = "/sources/" + i;
            checkId(parsed, at, s.id(), "source", sourceIds, i, problems);
            if (s.writeKeys().isEmpty()) {
                problems.add(parsed.problem(at, "source '" + s.id() + "' needs a 'writeKey'"));
            }
            for (String key : s.writeKeys()) {
                if (key == null || key.isBlank()) {
                    problems.add(parsed.problem(at + "/writeKey", "a write key may not be empty"));
                } else if (writeKeys.putIfAbsent(key, s.id()) != null) {
                    problems.add(parsed.problem(
                            at + "/writeKey",
                            "write key '" + key + "' is already used by source '" + writeKeys.get(key) + "'"));
                }
            }
        }
        Map<String, Integer> destinationIds = new HashMap<>();
        for (int i = 0; i < c.destinations().size(); i++) {
            DestinationConfig d = c.destinations().get(i);
            String at = "/destinations/" + i;
            checkId(parsed, at, d.id(), "destination", destinationIds, i, problems);
            if (d.type() == null || d.type().isBlank()) {
                problems.add(parsed.problem(at, "destination '" + d.id() + "' needs a 'type'"));
            }
        }
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < c.connections().size(); i++) {
            ConnectionConfig conn = c.connections().get(i);
            String at = "/connections/" + i;
            if (conn.source() == null || !sourceIds.containsKey(conn.source())) {
                problems.add(parsed.problem(
                        at + "/source",
                        "connection source '" + conn.source() + "' is not a source of this workspace; sources: "
                                + sourceIds.keySet()));
            }
            if (conn.destination() == null || !destinationIds.containsKey(conn.destination())) {
                problems.add(parsed.problem(
                        at + "/destination",
                        "connection destination '" + conn.destination()
                                + "' is not a destination of this workspace; destinations: "
                                + destinationIds.keySet()));
            }
            checkFilters(parsed, at, conn, problems);
            Integer first = pairs.putIfAbsent(conn.source() + "->" + conn.destination(), i);
            if (first != null) {
                problems.add(parsed.problem(
                        at,
                        "duplicate connection " + conn.source() + " -> " + conn.destination() + " (first at line "
                                + parsed.lineOf("/connections/" + first) + ")"));
            }
        }
        checkWarehouses(parsed, sourceIds, problems);
        PlanChecks.check(parsed, sourceIds.keySet(), problems);
        PrivacyChecks.check(parsed, sourceIds.keySet(), destinationIds.keySet(), problems);
        return problems;
    }

    /** The {@code warehouses:} section: ids, type postgres, a url, and sources of this workspace. */
    private static void checkWarehouses(
            ParsedWorkspace parsed, Map<String, Integer> sourceIds, List<ConfigProblem> problems) {
        Map<String, Integer> ids = new HashMap<>();
        List<WarehouseConfig> warehouses = parsed.config().warehouses();
        for (int i = 0; i < warehouses.size(); i++) {
            WarehouseConfig w = warehouses.get(i);
            String at = "/warehouses/" + i;
            checkId(parsed, at, w.id(), "warehouse", ids, i, problems);
            if (!WarehouseConfig.POSTGRES.equals(w.type())) {
                problems.add(parsed.problem(
                        at + "/type", "warehouse type '" + w.type() + "' is not known; known types: [postgres]"));
            }
            if (w.url() == null || w.url().isBlank()) {
                problems.add(parsed.problem(
                        at,
                        "warehouse '" + w.id() + "' needs a 'url' (postgresql://host:5432/db or jdbc:postgresql:...)"));
            }
            List<String> sources = w.sources() == null ? List.of() : w.sources();
            for (int s = 0; s < sources.size(); s++) {
                if (!sourceIds.containsKey(sources.get(s))) {
                    problems.add(parsed.problem(
                            at + "/sources/" + s,
                            "warehouse source '" + sources.get(s) + "' is not a source of this workspace; sources: "
                                    + sourceIds.keySet()));
                }
            }
        }
    }

    private static void checkFilters(
            ParsedWorkspace parsed, String at, ConnectionConfig conn, List<ConfigProblem> problems) {
        if (conn.filters().size() > FilterConfig.MAX_PER_CONNECTION) {
            problems.add(parsed.problem(
                    at + "/filters",
                    "a connection has at most " + FilterConfig.MAX_PER_CONNECTION + " filters, this one has "
                            + conn.filters().size()));
        }
        for (int f = 0; f < conn.filters().size(); f++) {
            FilterConfig filter = conn.filters().get(f);
            String fat = at + "/filters/" + f;
            if (filter.condition() == null || filter.condition().isBlank()) {
                problems.add(parsed.problem(fat, "a filter needs a condition 'if' (use 'if: all' for every event)"));
            }
            if (filter.actions().size() != 1) {
                problems.add(parsed.problem(
                        fat,
                        "a filter needs exactly one action of drop: true, sample, dropProperties, allowProperties; found "
                                + filter.actions()));
            }
            if (filter.sample() != null && (filter.sample() < 0 || filter.sample() > 1)) {
                problems.add(parsed.problem(fat + "/sample", "sample is the fraction of events kept, from 0 to 1"));
            }
            if (filter.name() != null && filter.name().length() > 64) {
                problems.add(parsed.problem(fat + "/name", "a filter name has at most 64 characters"));
            }
        }
    }

    private static void checkId(
            ParsedWorkspace parsed,
            String at,
            String id,
            String what,
            Map<String, Integer> seen,
            int index,
            List<ConfigProblem> problems) {
        if (id == null || !WORKSPACE_ID.matcher(id).matches()) {
            problems.add(parsed.problem(
                    at + "/id",
                    "every " + what + " needs an 'id' of letters, digits, '_' or '-' (at most 100), got '" + id + "'"));
            return;
        }
        Integer first = seen.putIfAbsent(id, index);
        if (first != null) {
            problems.add(parsed.problem(
                    at + "/id",
                    "duplicate " + what + " id '" + id + "' (first at line "
                            + parsed.lineOf(at.substring(0, at.lastIndexOf('/') + 1) + first + "/id") + ")"));
        }
    }
}

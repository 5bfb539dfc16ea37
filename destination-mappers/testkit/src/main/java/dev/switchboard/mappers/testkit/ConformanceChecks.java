/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.api.BatchBodies;
import dev.switchboard.mappers.api.Lookup;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.SettingSpec;
import dev.switchboard.mappers.engine.DeclarativeMapper;
import dev.switchboard.mappers.engine.definition.DestinationDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules every destination folder follows. Each check returns its problems, each naming the file and
 * the fix; an empty list means the folder passes.
 */
public final class ConformanceChecks {

    private ConformanceChecks() {}

    /** Every setting has a description, and the README names it. */
    public static List<String> settingsDescribed(DestinationFolder folder, DeclarativeMapper mapper) {
        List<String> problems = new ArrayList<>();
        String readme = readme(folder);
        mapper.settingsSchema().settings().forEach((key, spec) -> {
            if (spec.description() == null || spec.description().isBlank()) {
                problems.add(folder.slug() + "/destination.yaml: setting '" + key + "' has no description; add one line"
                        + " saying what it is and where the user finds it");
            }
            if (readme != null && !readme.contains(key)) {
                problems.add(
                        folder.slug() + "/README.md: does not mention setting '" + key + "'; document each setting");
            }
        });
        return problems;
    }

    /** README.md exists and links the vendor docs; the folder holds no unknown files. */
    public static List<String> files(DestinationFolder folder, DeclarativeMapper mapper) {
        List<String> problems = new ArrayList<>();
        String readme = readme(folder);
        if (readme == null) {
            problems.add(
                    folder.slug() + "/README.md is missing: say what is mapped, each setting and the vendor API link");
        } else if (!mapper.definition().docs().isBlank()
                && !readme.contains(mapper.definition().docs())) {
            problems.add(folder.slug() + "/README.md: link the vendor docs given in destination.yaml ("
                    + mapper.definition().docs() + ")");
        }
        if (mapper.definition().docs().isBlank()) {
            problems.add(folder.slug() + "/destination.yaml: add 'docs:', the link to the vendor's API documentation");
        }
        try (Stream<Path> entries = Files.list(folder.dir())) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> !(n.endsWith(".yaml") || n.equals("README.md") || n.equals("fixtures")))
                    .forEach(n -> problems.add(folder.slug() + "/" + n + ": unknown file; a folder holds only"
                            + " destination.yaml, action *.yaml, README.md and fixtures/"));
            Path fixtures = folder.dir().resolve("fixtures");
            if (Files.isDirectory(fixtures)) {
                try (Stream<Path> f = Files.list(fixtures)) {
                    f.map(p -> p.getFileName().toString())
                            .filter(n -> !(n.endsWith(Fixture.INPUT) || n.endsWith(Fixture.EXPECTED)))
                            .forEach(n -> problems.add(folder.slug() + "/fixtures/" + n
                                    + ": unknown file; fixtures are <case>.input.json and <case>.expected.json"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** Each action has a trigger and at least one fixture; each fixture is named after its action. */
    public static List<String> actionsHaveFixtures(DestinationFolder folder, DeclarativeMapper mapper) {
        List<String> problems = new ArrayList<>();
        List<String> cases = folder.fixtures().stream().map(Fixture::name).toList();
        List<String> actions = mapper.definition().actions().stream()
                .map(DestinationDefinition.Action::name)
                .toList();
        for (DestinationDefinition.Action action : mapper.definition().actions()) {
            if (action.trigger().isBlank()) {
                problems.add(folder.slug() + "/" + action.name()
                        + ".yaml: has no trigger; add e.g. trigger: type = \"track\"");
            }
            if (cases.stream().noneMatch(c -> c.startsWith(action.name() + "-"))) {
                problems.add(folder.slug() + "/" + action.name() + ".yaml: no fixture; add fixtures/" + action.name()
                        + "-basic.input.json and run -Dgolden.update");
            }
        }
        for (String c : cases) {
            if (actions.stream().noneMatch(a -> c.startsWith(a + "-"))) {
                problems.add(folder.slug() + "/fixtures/" + c
                        + ".input.json: name it <action>-<case>, where <action> is one of " + actions);
            }
        }
        return problems;
    }

    /** Mapping each fixture twice, with two separately loaded mappers, gives byte-identical requests. */
    public static List<String> deterministic(
            DestinationFolder folder, DeclarativeMapper first, DeclarativeMapper second) {
        List<String> problems = new ArrayList<>();
        for (Fixture f : folder.fixtures()) {
            List<MappedRequest> a = f.requests(first);
            List<MappedRequest> b = f.requests(second);
            boolean same = a.size() == b.size();
            for (int i = 0; same && i < a.size(); i++) {
                same = Arrays.equals(a.get(i).body(), b.get(i).body())
                        && a.get(i).url().equals(b.get(i).url())
                        && a.get(i).headers().equals(b.get(i).headers())
                        && java.util.Objects.equals(
                                a.get(i).batchKey(), b.get(i).batchKey());
            }
            if (!same) {
                problems.add(f.input() + ": two runs gave different requests; avoid anything that depends on time,"
                        + " randomness or map order in the mapping");
            }
        }
        return problems;
    }

    /** Every request carries exactly the event's messageId, also as its idempotency key. */
    public static List<String> messageIdCarried(DestinationFolder folder, DeclarativeMapper mapper) {
        List<String> problems = new ArrayList<>();
        for (Fixture f : folder.fixtures()) {
            JsonNode id = f.event().get("messageId");
            for (MappedRequest r : f.requests(mapper)) {
                if (id == null
                        || !r.messageIds().equals(List.of(id.asText()))
                        || !id.asText().equals(r.idempotencyKey())) {
                    problems.add(f.input() + ": a request does not carry the event's messageId as its idempotency key;"
                            + " give every fixture event a messageId (the engine sets the key)");
                }
            }
        }
        return problems;
    }

    /** A batchable request's body is exactly the batch of its one item (what the worker would send). */
    public static List<String> batchConsistent(DestinationFolder folder, DeclarativeMapper mapper) {
        List<String> problems = new ArrayList<>();
        for (Fixture f : folder.fixtures()) {
            for (MappedRequest r : f.requests(mapper)) {
                if (r.batch() != null
                        && !Arrays.equals(
                                r.body(),
                                BatchBodies.combine(r.batch(), List.of(r.batch().item())))) {
                    problems.add(f.input()
                            + ": the request body differs from a batch of its one item; check batching.wrapper");
                }
            }
        }
        return problems;
    }

    /** Secret settings appear only in headers (auth), unless {@code exposedIn} names the place. */
    public static List<String> secretsOnlyInAuth(DestinationFolder folder, DeclarativeMapper mapper) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> exposed = mapper.definition().exposedIn();
        for (Fixture f : folder.fixtures()) {
            JsonNode settings = f.settings(mapper);
            for (Map.Entry<String, SettingSpec> s :
                    mapper.settingsSchema().settings().entrySet()) {
                JsonNode value = settings.get(s.getKey());
                if (!s.getValue().secret()
                        || value == null
                        || !value.isTextual()
                        || value.asText().length() < 4) {
                    continue;
                }
                Set<String> allowed = exposed.getOrDefault(s.getKey(), Set.of());
                for (MappedRequest r : f.requests(mapper)) {
                    for (Lookup.Call c : calls(r)) {
                        String body = new String(c.body(), StandardCharsets.UTF_8);
                        if (c.url().contains(value.asText()) && !allowed.contains("url")) {
                            problems.add(f.input() + ": secret setting '" + s.getKey() + "' appears in the URL; send it"
                                    + " in authentication, or add exposedIn: [url] and say why in README.md");
                        }
                        if (body.contains(value.asText()) && !allowed.contains("body")) {
                            problems.add(
                                    f.input() + ": secret setting '" + s.getKey() + "' appears in the body; send it"
                                            + " in authentication, or add exposedIn: [body] and say why in README.md");
                        }
                    }
                    if (r.batchKey() != null && r.batchKey().contains(value.asText())) {
                        problems.add(f.input() + ": secret setting '" + s.getKey() + "' appears in the batch key");
                    }
                }
            }
        }
        return problems;
    }

    /** Every call a request may make: itself, and its lookup's read and other request when it has one. */
    private static List<Lookup.Call> calls(MappedRequest r) {
        Lookup.Call self = new Lookup.Call(r.method(), r.url(), r.headers(), r.body());
        return r.lookup() == null
                ? List.of(self)
                : List.of(self, r.lookup().request(), r.lookup().otherwise());
    }

    private static String readme(DestinationFolder folder) {
        Path readme = folder.dir().resolve("README.md");
        try {
            return Files.exists(readme) ? Files.readString(readme) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.engine.definition.DestinationDefinition;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import dev.switchboard.mappers.engine.internal.ActionSpec;
import dev.switchboard.mappers.engine.internal.AuthSpec;
import dev.switchboard.mappers.engine.internal.BatchingSpec;
import dev.switchboard.mappers.engine.internal.Endpoints;
import dev.switchboard.mappers.engine.internal.SettingsParser;
import dev.switchboard.mappers.engine.internal.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one destination folder ({@code destination.yaml} plus one YAML file per action) into a
 * {@link DeclarativeMapper}. Everything is checked here, once: a malformed folder fails with the file and
 * the fix, never at the first event.
 */
public final class DestinationLoader {

    /** The file every destination folder has. */
    public static final String DESTINATION_FILE = "destination.yaml";

    private DestinationLoader() {}

    /**
     * Loads a folder.
     *
     * @param slug the folder name
     * @param files the folder's files by name; files other than {@code *.yaml} are ignored
     */
    public static DeclarativeMapper load(String slug, Map<String, byte[]> files) throws DestinationDefinitionException {
        String file = slug + "/" + DESTINATION_FILE;
        byte[] content = files.get(DESTINATION_FILE);
        if (content == null) {
            throw new DestinationDefinitionException(file, "is missing; copy destinations/_template/ to start");
        }
        JsonNode d = Yaml.read(file, content);
        Yaml.onlyKeys(
                file,
                "destination.yaml",
                d,
                "slug",
                "name",
                "version",
                "description",
                "docs",
                "owners",
                "settings",
                "authentication",
                "endpoints",
                "batching");
        String declared = Yaml.text(file, d, "slug");
        if (!declared.equals(slug)) {
            throw new DestinationDefinitionException(
                    file, "slug '" + declared + "' must equal the folder name '" + slug + "'");
        }
        SettingsParser settings = SettingsParser.parse(file, d.get("settings"));
        AuthSpec auth = AuthSpec.parse(file, d.get("authentication"));
        Endpoints endpoints = Endpoints.parse(file, d.get("endpoints"), settings.schema());
        BatchingSpec batching = BatchingSpec.parse(file, d.get("batching"));
        List<ActionSpec> actions = actions(slug, files, batching, auth);
        if (actions.isEmpty()) {
            throw new DestinationDefinitionException(file, "the folder has no action file (e.g. track.yaml)");
        }
        List<DestinationDefinition.Action> infos = actions.stream()
                .map(a -> new DestinationDefinition.Action(a.name(), a.trigger().text(), a.batching() != null))
                .toList();
        DestinationDefinition definition = new DestinationDefinition(
                slug,
                Yaml.text(file, d, "name"),
                Yaml.text(file, d, "docs", ""),
                settings.schema(),
                settings.exposedIn(),
                auth.type(),
                infos);
        return new DeclarativeMapper(definition, actions, auth, endpoints);
    }

    private static List<ActionSpec> actions(
            String slug, Map<String, byte[]> files, BatchingSpec batching, AuthSpec auth)
            throws DestinationDefinitionException {
        List<ActionSpec> actions = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            String name = f.getKey();
            if (name.endsWith(".yaml") && !name.equals(DESTINATION_FILE)) {
                String actionFile = slug + "/" + name;
                String action = name.substring(0, name.length() - ".yaml".length());
                ActionSpec spec = ActionSpec.parse(actionFile, action, Yaml.read(actionFile, f.getValue()), batching);
                if (spec.batching() != null && auth.type().equals("hmac")) {
                    throw new DestinationDefinitionException(
                            actionFile,
                            "an HMAC-signed destination cannot batch (the signature covers one body); set batching: false");
                }
                actions.add(spec);
            }
        }
        return actions;
    }
}

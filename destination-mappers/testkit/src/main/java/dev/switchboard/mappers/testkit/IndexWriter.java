/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code switchboard/destinations/index.json}: every destination folder and the files the jar
 * carries for it ({@code *.yaml}, {@code README.md}). Run by the destinations module at build time; the
 * file is generated and never committed.
 */
public final class IndexWriter {

    private IndexWriter() {}

    /**
     * Writes the index.
     *
     * @param args the folder holding destination folders, and the index file to write
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IndexWriter <destinations dir> <index.json>");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, index(Path.of(args[0])));
    }

    /** The index text for the folders under {@code root}. */
    public static String index(Path root) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode index = json.createObjectNode();
        ArrayNode list = index.putArray("destinations");
        for (DestinationFolder folder : DestinationFolder.list(root)) {
            ObjectNode entry = list.addObject().put("slug", folder.slug());
            ArrayNode files = entry.putArray("files");
            folder.files().keySet().stream()
                    .filter(n -> n.endsWith(".yaml") || n.equals("README.md"))
                    .forEach(files::add);
        }
        return json.writeValueAsString(index) + "\n";
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Earlier versions of each record's schema, shipped in the jar as
 * {@code switchboard/schema-history/<full name>/v<N>.avsc}: a single-object decoder knows a writer
 * schema only by fingerprint, so every released version must stay on the class path for old records
 * to remain readable. Changing a schema means first copying its released {@code .avsc} there;
 * {@code BackwardCompatibilityTest} fails otherwise.
 */
final class SchemaHistory {

    private static final int MAX_VERSIONS = 1000;

    private SchemaHistory() {}

    /** The released versions of {@code schema}'s record other than the current one, oldest first. */
    static List<Schema> of(Schema schema) {
        List<Schema> versions = new ArrayList<>();
        String dir = "switchboard/schema-history/" + schema.getFullName() + "/";
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int v = 1; v <= MAX_VERSIONS; v++) {
            try (InputStream in = loader.getResourceAsStream(dir + "v" + v + ".avsc")) {
                if (in == null) {
                    break;
                }
                Schema old = new Schema.Parser().parse(in);
                if (!old.equals(schema)) {
                    versions.add(old);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + "v" + v + ".avsc", e);
            }
        }
        return versions;
    }
}

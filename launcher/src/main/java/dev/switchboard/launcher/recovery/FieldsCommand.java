/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.launcher.cli.ClusterCommand;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.FieldSeen;
import dev.switchboard.workspace.TopicTail;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard fields --source S}: the field inventory of one source, from {@code sb.fields}. */
@Command(
        name = "fields",
        mixinStandardHelpOptions = true,
        description = {
            "Every field path a source has sent in properties, traits and context, as the router saw it: its JSON",
            "types, its PII kind and class (by key name or value, when the path or a type was first seen), and when",
            "it was first and last seen (last seen advances at most once an hour). Read from the compacted",
            "sb.fields to its end; the records of every router task are merged.",
            "",
            "Example: switchboard fields --source web"
        })
public final class FieldsCommand extends ClusterCommand {

    @Option(names = "--source", required = true, paramLabel = "S", description = "The source.")
    String source;

    @Option(names = "--json", description = "One JSON array, for scripts.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        KafkaAccess access = access();
        KnownDestinations.workspaceOf(access, source);
        RequiredTopic.check(access, Topics.FIELDS);
        List<MergedFields.Field> fields = MergedFields.merge(read(access), source);
        PrintWriter out = out();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (MergedFields.Field f : fields) {
                ObjectNode o = array.addObject().put("path", f.path());
                f.types().forEach(o.putArray("types")::add);
                o.put("pii", f.pii())
                        .put("classification", f.classification())
                        .put("firstSeen", f.firstSeen().toString())
                        .put("lastSeen", f.lastSeen().toString());
            }
            out.println(mapper.writeValueAsString(array));
            return 0;
        }
        if (fields.isEmpty()) {
            out.println("no fields seen for source " + source + " yet");
            return 0;
        }
        int width = Math.max(
                4, fields.stream().mapToInt(f -> f.path().length()).max().orElse(4));
        String row = "%-" + width + "s  %-20s  %-16s  %-24s  %s%n";
        out.printf(row, "PATH", "TYPES", "PII", "FIRST SEEN", "LAST SEEN");
        for (MergedFields.Field f : fields) {
            String pii = f.pii() == null ? "-" : f.pii() + " (" + f.classification() + ")";
            out.printf(row, f.path(), String.join(",", f.types()), pii, f.firstSeen(), f.lastSeen());
        }
        return 0;
    }

    /** Every record on {@code sb.fields} now, latest per key. */
    private static java.util.Collection<FieldSeen> read(KafkaAccess access) throws InterruptedException {
        Map<String, FieldSeen> byKey = new ConcurrentHashMap<>();
        try (TopicTail<String, FieldSeen> tail = new TopicTail<>(
                access.properties(), "sb-cli-fields", Topics.FIELDS, TopicTail.WhenMissing.EMPTY, records -> {
                    for (var r : records) {
                        if (r.value() == null) {
                            byKey.remove(r.key());
                        } else {
                            byKey.put(r.key(), r.value());
                        }
                    }
                })) {
            tail.start();
            if (!tail.awaitLoaded(Duration.ofSeconds(30))) {
                throw new IllegalStateException("cannot read " + Topics.FIELDS.name() + " within 30 s");
            }
            return List.copyOf(byKey.values());
        }
    }
}

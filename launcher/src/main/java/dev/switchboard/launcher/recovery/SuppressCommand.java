/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.launcher.cli.ClusterCommand;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.SuppressedIdType;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.config.SuppressionConfig;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard suppress add|remove|list}: the operators' suppressed users, on {@code sb.suppressions}. */
@Command(
        name = "suppress",
        mixinStandardHelpOptions = true,
        description = {
            "Suppress a user: the router archives their events and sends none to any destination. The list is on",
            "the compacted sb.suppressions, which every router instance follows: a change takes effect within",
            "seconds and holds across restarts; replays honour it too. A workspace's own list (workspace.yaml,",
            "suppression:) applies as well.",
            "",
            "Example: switchboard suppress add --user-id u-42 --reason 'GDPR request 1187'",
            "         switchboard suppress remove --user-id u-42",
            "         switchboard suppress list"
        },
        subcommands = {SuppressCommand.Add.class, SuppressCommand.Remove.class, SuppressCommand.ListCommand.class})
public final class SuppressCommand {

    /** Exactly one of the user's ids. */
    static final class UserIds {
        @Option(names = "--user-id", required = true, paramLabel = "U", description = "The user's userId.")
        String userId;

        @Option(names = "--anonymous-id", required = true, paramLabel = "A", description = "The user's anonymousId.")
        String anonymousId;

        SuppressedIdType type() {
            return userId != null ? SuppressedIdType.USER_ID : SuppressedIdType.ANONYMOUS_ID;
        }

        String id() {
            String id = userId != null ? userId : anonymousId;
            if (id.isBlank()) {
                throw new BadArgument("the id is empty");
            }
            return id;
        }
    }

    /** A command about the suppressions of one workspace, or of every one. */
    abstract static class Base extends ClusterCommand {
        @Option(names = "--workspace", paramLabel = "W", description = "Its workspace (default: the only one).")
        String workspace;

        /** The chosen workspace, or the only one; throws {@link BadArgument} when that is not one workspace. */
        CompiledWorkspace workspace(KafkaAccess access) {
            List<CompiledWorkspace> all = KnownDestinations.workspaces(access);
            List<String> ids = all.stream().map(CompiledWorkspace::id).sorted().toList();
            if (workspace == null) {
                if (all.size() != 1) {
                    throw new BadArgument(
                            all.isEmpty()
                                    ? "no workspace is published"
                                    : "several workspaces are published: choose one with --workspace ("
                                            + String.join(", ", ids) + ")");
                }
                return all.get(0);
            }
            return all.stream()
                    .filter(w -> w.id().equals(workspace))
                    .findFirst()
                    .orElseThrow(() -> new BadArgument("unknown workspace '" + workspace + "'"
                            + (ids.isEmpty()
                                    ? ": no workspace is published"
                                    : " (known: " + String.join(", ", ids) + ")")));
        }

        static String name(SuppressedIdType type) {
            return type == SuppressedIdType.USER_ID ? "userId" : "anonymousId";
        }

        static boolean listed(CompiledWorkspace ws, SuppressedIdType type, String id) {
            SuppressionConfig c = ws.config().suppressionList();
            return (type == SuppressedIdType.USER_ID ? c.userIds() : c.anonymousIds()).contains(id);
        }
    }

    /** {@code add} and {@code remove}: one user of one workspace. */
    abstract static class Change extends Base {
        @ArgGroup(exclusive = true, multiplicity = "1")
        UserIds user;

        /** Writes the change; returns what to print. */
        abstract String change(Suppressions s, CompiledWorkspace ws, SuppressedIdType type, String id);

        @Override
        public Integer call() {
            KafkaAccess access = access();
            CompiledWorkspace ws = workspace(access);
            try (Suppressions s = new Suppressions(access)) {
                out().println(change(s, ws, user.type(), user.id()));
            }
            return 0;
        }
    }

    /** {@code suppress add}. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Suppress one user, by userId or anonymousId: their next events are archived and reach no destination.",
                "",
                "Example: switchboard suppress add --anonymous-id 3f2a-... --reason 'ticket 4711'"
            })
    static final class Add extends Change {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (a ticket, a request id); kept with it.")
        String reason;

        @Override
        String change(Suppressions s, CompiledWorkspace ws, SuppressedIdType type, String id) {
            String who = System.getProperty("user.name");
            UserSuppression before = s.add(new UserSuppression(ws.id(), type, id, reason, who, Instant.now()));
            if (before != null) {
                return name(type) + " " + id + " of workspace " + ws.id() + " was already suppressed since "
                        + before.getAddedAt() + (before.getReason() == null ? "" : " (" + before.getReason() + ")")
                        + "; nothing changed";
            }
            return "suppressed " + name(type) + " " + id + " of workspace " + ws.id()
                    + (reason == null ? "" : " (" + reason + ")")
                    + "; every router instance holds back their events within seconds";
        }
    }

    /** {@code suppress remove}. */
    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = {
                "Lift a suppression added with 'suppress add' (a tombstone on sb.suppressions): the user's next events",
                "are delivered again. Events sent while suppressed stay in the archive, and 'switchboard replay' sends them.",
                "",
                "Example: switchboard suppress remove --user-id u-42"
            })
    static final class Remove extends Change {
        @Override
        String change(Suppressions s, CompiledWorkspace ws, SuppressedIdType type, String id) {
            UserSuppression before = s.remove(ws.id(), type, id);
            String still = listed(ws, type, id)
                    ? "; it stays suppressed by workspace " + ws.id() + "'s own list (remove it there)"
                    : "";
            if (before == null) {
                return name(type) + " " + id + " of workspace " + ws.id() + " is not suppressed on "
                        + Topics.SUPPRESSIONS.name() + "; nothing changed" + still;
            }
            return "lifted the suppression of " + name(type) + " " + id + " of workspace " + ws.id() + still;
        }
    }

    /** {@code suppress list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Every suppressed user: those on sb.suppressions (read to its end) and those of each workspace's own",
                "list, marked 'workspace'.",
                "",
                "Example: switchboard suppress list --json"
            })
    static final class ListCommand extends Base {
        @Option(names = "--json", description = "One JSON array, for scripts.")
        boolean json;

        /** One listed suppression. */
        record Entry(String workspace, String idType, String id, String from, Instant addedAt, String reason) {}

        @Override
        public Integer call() throws Exception {
            KafkaAccess access = access();
            List<CompiledWorkspace> workspaces =
                    workspace == null ? KnownDestinations.workspaces(access) : List.of(workspace(access));
            List<Entry> entries = new java.util.ArrayList<>();
            try (Suppressions s = new Suppressions(access)) {
                for (UserSuppression u : s.all()) {
                    if (workspace == null || workspace.equals(u.getWorkspaceId())) {
                        entries.add(new Entry(
                                u.getWorkspaceId(),
                                name(u.getIdType()),
                                u.getId(),
                                "topic",
                                u.getAddedAt(),
                                u.getReason()));
                    }
                }
            }
            for (CompiledWorkspace ws : workspaces) {
                SuppressionConfig c = ws.config().suppressionList();
                c.userIds().forEach(id -> entries.add(new Entry(ws.id(), "userId", id, "workspace", null, null)));
                c.anonymousIds()
                        .forEach(id -> entries.add(new Entry(ws.id(), "anonymousId", id, "workspace", null, null)));
            }
            PrintWriter out = out();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode array = mapper.createArrayNode();
                for (Entry e : entries) {
                    array.addObject()
                            .put("workspace", e.workspace())
                            .put("idType", e.idType())
                            .put("id", e.id())
                            .put("from", e.from())
                            .put(
                                    "addedAt",
                                    e.addedAt() == null ? null : e.addedAt().toString())
                            .put("reason", e.reason());
                }
                out.println(mapper.writeValueAsString(array));
                return 0;
            }
            if (entries.isEmpty()) {
                out.println("no user is suppressed");
                return 0;
            }
            out.printf("%-16s %-12s %-36s %-10s %-25s %s%n", "WORKSPACE", "ID TYPE", "ID", "FROM", "ADDED", "REASON");
            for (Entry e : entries) {
                out.printf(
                        "%-16s %-12s %-36s %-10s %-25s %s%n",
                        e.workspace(),
                        e.idType(),
                        e.id(),
                        e.from(),
                        e.addedAt() == null ? "-" : e.addedAt(),
                        e.reason() == null ? "" : e.reason());
            }
            return 0;
        }
    }
}

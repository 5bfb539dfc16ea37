/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** The ACLs of {@code deploy/strimzi/users.yaml}'s KafkaUsers, as the Strimzi user operator grants them. */
final class StrimziAcls {

    static final Path USERS = Path.of("..", "deploy", "strimzi", "users.yaml");

    private StrimziAcls() {}

    /** Every ACL of every KafkaUser, for principal {@code User:<metadata.name>}. */
    static List<AclBinding> read() throws IOException {
        List<AclBinding> acls = new ArrayList<>();
        try (MappingIterator<JsonNode> docs =
                new YAMLMapper().readerFor(JsonNode.class).readValues(USERS.toFile())) {
            while (docs.hasNext()) {
                JsonNode user = docs.next();
                if (!"KafkaUser".equals(user.path("kind").asText())) {
                    continue;
                }
                String principal = "User:" + user.path("metadata").path("name").asText();
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    JsonNode r = acl.path("resource");
                    ResourcePattern pattern = new ResourcePattern(
                            ResourceType.fromString(snake(r.path("type").asText())),
                            r.path("type").asText().equals("cluster")
                                    ? "kafka-cluster"
                                    : r.path("name").asText(),
                            r.path("patternType").asText("literal").equals("prefix")
                                    ? PatternType.PREFIXED
                                    : PatternType.LITERAL);
                    for (JsonNode op : acl.path("operations")) {
                        AclOperation operation = AclOperation.fromString(snake(op.asText()));
                        if (operation == AclOperation.UNKNOWN) {
                            throw new IllegalArgumentException("unknown operation " + op + " in " + USERS);
                        }
                        acls.add(new AclBinding(
                                pattern,
                                new AccessControlEntry(
                                        principal, acl.path("host").asText("*"), operation, AclPermissionType.ALLOW)));
                    }
                }
            }
        }
        return acls;
    }

    /** {@code DescribeConfigs} → {@code DESCRIBE_CONFIGS}, {@code transactionalId} → {@code TRANSACTIONAL_ID}. */
    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}

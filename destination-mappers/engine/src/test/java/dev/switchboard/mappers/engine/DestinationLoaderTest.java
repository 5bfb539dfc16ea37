/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static dev.switchboard.mappers.engine.DeclarativeMapperTest.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationLoaderTest {

    private static final String ACTION = "trigger: type = \"track\"\nrequest: { url: 'https://x.example' }\n";

    @Test
    void shouldRefuseFolderWhenSlugDiffersFromFolderName() {
        assertThatThrownBy(() -> DestinationLoader.load("b", files("slug: a\nname: A\n", "t.yaml", ACTION)))
                .isInstanceOf(DestinationDefinitionException.class)
                .hasMessageContaining("b/destination.yaml")
                .hasMessageContaining("must equal the folder name");
    }

    @Test
    void shouldRefuseFolderWhenDestinationHasUnknownKey() {
        assertThatThrownBy(
                        () -> DestinationLoader.load("a", files("slug: a\nname: A\nbatchin: {}\n", "t.yaml", ACTION)))
                .hasMessageContaining("unknown key 'batchin'");
    }

    @Test
    void shouldRefuseActionWhenTriggerIsNotFql() {
        String action = "trigger: type = = \"track\"\nrequest: { url: 'https://x.example' }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files("slug: a\nname: A\n", "t.yaml", action)))
                .hasMessageContaining("a/t.yaml")
                .hasMessageContaining("not valid FQL");
    }

    @Test
    void shouldRefuseActionWhenDirectiveIsUnknown() {
        String action = "trigger: all\nrequest: { url: { '@pth': $.x } }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files("slug: a\nname: A\n", "t.yaml", action)))
                .hasMessageContaining("unknown directive '@pth'");
    }

    @Test
    void shouldRefuseSignedDestinationWhenItBatches() {
        String destination =
                "slug: a\nname: A\nauthentication: { type: hmac, secret: x }\n" + "batching: { format: json-array }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .hasMessageContaining("cannot batch");
    }

    @Test
    void shouldRefuseSettingWhenTypeIsUnknown() {
        String destination = "slug: a\nname: A\nsettings: { k: { type: text, description: d } }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .hasMessageContaining("settings.k.type 'text'");
    }

    @Test
    void shouldRefuseEndpointsWhenDefaultRegionHasNoUrl() {
        String destination = "slug: a\nname: A\nsettings: { region: { type: string, default: APAC, description: d } }\n"
                + "endpoints: { setting: region, values: { US: 'https://us.example.com' } }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .hasMessageContaining("default 'APAC' is not one of endpoints.values");
    }

    @Test
    void shouldRefusePartialFailureWhenIndexPathIsNotSupported() {
        String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: [400]\n    failedIndexes: ['$.failed[?(@.x)].index']\n    others: delivered\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .isInstanceOf(DestinationDefinitionException.class)
                .hasMessageContaining("a/destination.yaml")
                .hasMessageContaining("batching.partialFailure.failedIndexes");
    }

    @Test
    void shouldRefusePartialFailureWhenTheRegexOfAPathIsMalformedOrCapturesNothing() {
        // Given paths whose ~ /regex/ cannot give an index
        Map<String, String> cases = Map.of(
                "'$.errors[*].source.pointer ~ /data/(\\d+/'", "is malformed: Unclosed group",
                "'$.errors[*].source.pointer ~ /data/\\d+/'", "needs a capture group",
                "'$.errors[?code=1] ~ /(\\d+)/'", "both a [?key=value] filter and ~ /regex/",
                "'$.errors[*].source.pointer ~ (\\d+)'", "is not a path like");
        cases.forEach((path, message) -> {
            String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                    + "    status: [400]\n    failedIndexes: [" + path + "]\n    others: retry\n";
            // Then the load refuses it, naming the block and the fault
            assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                    .as(path)
                    .isInstanceOf(DestinationDefinitionException.class)
                    .hasMessageContaining("batching.partialFailure.failedIndexes")
                    .hasMessageContaining(message);
        });
    }

    @Test
    void shouldRefusePartialFailureWhenItemIdAndFailedIdsDoNotGoTogether() {
        String head = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n    status: [207]\n"
                + "    others: delivered\n";
        assertThatThrownBy(() -> DestinationLoader.load(
                        "a", files(head + "    failedIds: ['$.errors[*].context.ids[*]']\n", "t.yaml", ACTION)))
                .hasMessageContaining("itemId and failedIds go together");
        assertThatThrownBy(() -> DestinationLoader.load(
                        "a",
                        files(head + "    itemId: $.id\n    failedIndexes: ['$.errors[*].i']\n", "t.yaml", ACTION)))
                .hasMessageContaining("itemId and failedIds go together");
        assertThatThrownBy(() -> DestinationLoader.load(
                        "a",
                        files(
                                head + "    itemId: $.ids[*]\n    failedIds: ['$.errors[*].context.ids[*]']\n",
                                "t.yaml",
                                ACTION)))
                .hasMessageContaining("batching.partialFailure.itemId: $.ids[*] is not a path like $.id");
        assertThatThrownBy(() -> DestinationLoader.load("a", files(head, "t.yaml", ACTION)))
                .hasMessageContaining("needs failedIndexes or failedIds");
    }

    @Test
    void shouldRefusePartialFailureWhenOthersIsUnknown() {
        String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: [400]\n    failedIndexes: ['$.failed[*].index']\n    others: dropped\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .hasMessageContaining("a/destination.yaml")
                .hasMessageContaining("others must be delivered or retry");
    }

    @Test
    void shouldRefusePartialFailureWhenStatusIsNeitherASuccessNorAnError() {
        for (String status : new String[] {"302", "100", "600", "'207'"}) {
            String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                    + "    status: [" + status + "]\n    failedIndexes: ['$.failed[*].index']\n    others: delivered\n";
            assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                    .as(status)
                    .hasMessageContaining("batching.partialFailure.status must list HTTP statuses from 200 to 299");
        }
    }

    @Test
    void shouldRefusePartialFailureWhenItWouldRetryTheItemsA2xxDoesNotName() {
        // A 2xx says the vendor took the items it does not name: retrying them would deliver them twice
        String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: [400, 207]\n    failedIndexes: ['$.errors[*].batch_index']\n    others: retry\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .isInstanceOf(DestinationDefinitionException.class)
                .hasMessageContaining("a/destination.yaml")
                .hasMessageContaining("batching.partialFailure: others: retry cannot go with status 207")
                .hasMessageContaining("use others: delivered");
    }

    @Test
    void shouldAcceptPartialFailureWhenA2xxNamesFailedItemsByFilterOrIndex() throws Exception {
        String pinterest = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: [200]\n    failedIndexes: ['$.events[?status=failed]']\n    others: delivered\n";
        String customerio = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: 207\n    failedIndexes: '$.errors[*].batch_index'\n    others: delivered\n";
        assertThat(partialFailure(pinterest))
                .isEqualTo(new BatchSpec.PartialFailure(
                        List.of(200), List.of("$.events[?status=failed]"), BatchSpec.Others.DELIVERED));
        assertThat(partialFailure(customerio))
                .isEqualTo(new BatchSpec.PartialFailure(
                        List.of(207), List.of("$.errors[*].batch_index"), BatchSpec.Others.DELIVERED));
    }

    /** The partial-failure rule a track event's request carries under {@code destination}. */
    private static BatchSpec.PartialFailure partialFailure(String destination) throws Exception {
        String action =
                "trigger: all\nrequest: { url: 'https://v.example/i', body: { id: { '@path': $.messageId } } }\n";
        DeclarativeMapper mapper = DestinationLoader.load("a", files(destination, "t.yaml", action));
        ObjectNode event = (ObjectNode) new ObjectMapper().readTree("{\"messageId\":\"m1\"}");
        MappedRequest r = mapper.map(event, new MapperContext("d", new ObjectMapper().createObjectNode()))
                .get(0);
        return r.batch().partialFailure();
    }

    @Test
    void shouldRefusePartialFailureWhenAFilterIsMalformedOrNotTheLastStep() {
        for (String path : new String[] {
            "$.events[?status=failed].index", "$.events[?status]", "$.events[?=failed]", "$[?a=b][?c=d]", "$"
        }) {
            String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                    + "    status: [200]\n    failedIndexes: ['" + path + "']\n    others: delivered\n";
            assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                    .as(path)
                    .hasMessageContaining("batching.partialFailure.failedIndexes")
                    .hasMessageContaining("optionally a last [?key=value]");
        }
    }

    @Test
    void shouldRefusePartialFailureWhenKeyIsUnknown() {
        String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: [400]\n    failedIndex: ['$.failed[*].index']\n    others: retry\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .hasMessageContaining("unknown key 'failedIndex' in batching.partialFailure");
    }

    @Test
    void shouldRefuseResponseCheckWhenItHasNoValuesOrABadPath() {
        String noValues =
                "trigger: all\nresponse: { success: { path: $.status } }\nrequest: { url: 'https://x.example' }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files("slug: a\nname: A\n", "t.yaml", noValues)))
                .isInstanceOf(DestinationDefinitionException.class)
                .hasMessageContaining("t.yaml")
                .hasMessageContaining("needs 'values'");
        String badPath =
                "trigger: all\nresponse: { success: { path: status, values: [1] } }\nrequest: { url: 'https://x.example' }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files("slug: a\nname: A\n", "t.yaml", badPath)))
                .hasMessageContaining("is not a path like $.status");
        String object =
                "trigger: all\nresponse: { success: { path: $.status, values: [{a: 1}] } }\nrequest: { url: 'https://x.example' }\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files("slug: a\nname: A\n", "t.yaml", object)))
                .hasMessageContaining("must be numbers, strings or booleans");
    }
}

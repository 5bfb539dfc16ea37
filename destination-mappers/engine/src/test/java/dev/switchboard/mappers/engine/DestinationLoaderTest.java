/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static dev.switchboard.mappers.engine.DeclarativeMapperTest.files;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
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
    void shouldRefusePartialFailureWhenOthersIsUnknown() {
        String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: [400]\n    failedIndexes: ['$.failed[*].index']\n    others: dropped\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .hasMessageContaining("a/destination.yaml")
                .hasMessageContaining("others must be delivered or retry");
    }

    @Test
    void shouldRefusePartialFailureWhenStatusIsNotAnError() {
        String destination = "slug: a\nname: A\nbatching:\n  format: json-array\n  partialFailure:\n"
                + "    status: [200]\n    failedIndexes: ['$.failed[*].index']\n    others: retry\n";
        assertThatThrownBy(() -> DestinationLoader.load("a", files(destination, "t.yaml", ACTION)))
                .hasMessageContaining("batching.partialFailure.status");
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

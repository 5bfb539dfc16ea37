/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.workspace.config.ConfigProblem;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceChecksTest {

    private static final WorkspaceConfig SHOP = workspace(
            """
            workspace: shop
            sources: [{id: web, writeKey: [wk_shop, wk_shared]}]
            destinations: [{ id: hooks, type: webhook, settings: { url: "http://127.0.0.1/" } }]
            """);

    @Test
    void shouldRefuseWriteKeysThatAnotherWorkspaceUses() {
        // Given a published workspace, and another one sharing a write key (and a destination id, which
        // is allowed: each request carries its own URL and settings)
        WorkspaceConfig blog = workspace(
                """
                workspace: blog
                sources: [{id: site, writeKey: [wk_blog, wk_shared]}]
                destinations:
                  - { id: hooks, type: webhook, settings: { url: "http://127.0.0.1/" } }
                  - { id: own, type: webhook, settings: { url: "http://127.0.0.1/" } }
                """);

        // When the other one is applied
        List<ConfigProblem> clashes = WorkspaceChecks.clashes(blog, published(SHOP));

        // Then the write key is named, and nothing else
        assertThat(clashes)
                .extracting(ConfigProblem::message)
                .containsExactly("write key of source 'site' is already used by source 'web' of workspace 'shop'");
    }

    @Test
    void shouldAcceptTheSameWorkspaceAppliedAgain() {
        assertThat(WorkspaceChecks.clashes(SHOP, published(SHOP))).isEmpty();
    }

    private static ConfigSnapshot published(WorkspaceConfig workspace) {
        return ConfigSnapshot.of(List.of(CompiledWorkspace.of(workspace)));
    }

    private static WorkspaceConfig workspace(String yaml) {
        try {
            return WorkspaceConfigParser.parseYaml(yaml, "w.yaml", n -> null).config();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

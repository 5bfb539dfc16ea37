/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mappers.engine.DeclarativeMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceChecksTest {

    private static DestinationFolder folder(String slug) throws Exception {
        return new DestinationFolder(
                slug,
                Path.of(ConformanceChecksTest.class
                        .getResource("/folders/" + slug)
                        .toURI()));
    }

    @Test
    void shouldFindNoProblemWhenFolderFollowsTheRules() throws Exception {
        // Given a complete folder
        DestinationFolder good = folder("good");
        DeclarativeMapper mapper = good.load();
        // When every check runs, Then none finds a problem
        assertThat(ConformanceChecks.settingsDescribed(good, mapper)).isEmpty();
        assertThat(ConformanceChecks.files(good, mapper)).isEmpty();
        assertThat(ConformanceChecks.actionsHaveFixtures(good, mapper)).isEmpty();
        assertThat(ConformanceChecks.deterministic(good, mapper, good.load())).isEmpty();
        assertThat(ConformanceChecks.messageIdCarried(good, mapper)).isEmpty();
        assertThat(ConformanceChecks.secretsOnlyInAuth(good, mapper)).isEmpty();
    }

    @Test
    void shouldNameFileAndFixWhenFolderBreaksTheRules() throws Exception {
        // Given a folder with an undescribed secret leaking into URL and body, no README, a stray file,
        // an action without fixture and a fixture named after no action
        DestinationFolder bad = folder("bad");
        DeclarativeMapper mapper = bad.load();
        // When the checks run
        List<String> settings = ConformanceChecks.settingsDescribed(bad, mapper);
        List<String> files = ConformanceChecks.files(bad, mapper);
        List<String> fixtures = ConformanceChecks.actionsHaveFixtures(bad, mapper);
        List<String> secrets = ConformanceChecks.secretsOnlyInAuth(bad, mapper);
        // Then each problem names the file and the fix
        assertThat(settings).singleElement().asString().contains("bad/destination.yaml", "'token' has no description");
        assertThat(files)
                .anyMatch(p -> p.contains("bad/README.md is missing"))
                .anyMatch(p -> p.contains("bad/notes.txt: unknown file"))
                .anyMatch(p -> p.contains("add 'docs:'"));
        assertThat(fixtures)
                .anyMatch(p -> p.contains("bad/identify.yaml: no fixture"))
                .anyMatch(p -> p.contains("misnamed.input.json: name it <action>-<case>"));
        assertThat(secrets)
                .anyMatch(p -> p.contains("appears in the URL"))
                .anyMatch(p -> p.contains("appears in the body"));
    }

    @Test
    void shouldRenderExpectedTextWhenFixtureIsMapped() throws Exception {
        // Given the good folder's fixture
        DestinationFolder good = folder("good");
        Fixture fixture = good.fixtures().get(0);
        // When it is mapped and rendered
        String text = Fixture.text(fixture.run(good.load()));
        // Then the request is rendered with sorted headers, the version placeholder and the JSON body
        assertThat(text)
                .contains("\"Authorization\" : \"Bearer tok-123456\"")
                .contains("\"User-Agent\" : \"Switchboard/<version>\"")
                .contains("\"name\" : \"A\"")
                .endsWith("}\n");
    }

    @Test
    void shouldListFoldersAndFilesWhenWritingTheIndex() throws Exception {
        Path root = Path.of(ConformanceChecksTest.class.getResource("/folders").toURI());
        String index = IndexWriter.index(root);
        assertThat(index).contains("\"slug\" : \"bad\"", "\"slug\" : \"good\"", "\"README.md\"", "\"track.yaml\"");
        assertThat(index).doesNotContain("notes.txt", "fixtures");
    }
}

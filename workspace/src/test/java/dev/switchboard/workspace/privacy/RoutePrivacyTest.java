/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.workspace.config.PrivacyConfig;
import dev.switchboard.workspace.config.PrivacyRuleConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode event() throws Exception {
        return (ObjectNode)
                JSON.readTree(
                        """
                {"type":"identify","userId":"u1",
                 "traits":{"email":" Jane@Example.com ","plan":"pro","address":{"street":"1 Main St","city":"Paris"},
                           "contact":"+1 650-253-0000","password":"hunter2","emails":["jane@example.com","n/a"]},
                 "properties":{"note":"123-45-6789"},
                 "context":{"ip":"203.0.113.7","library":{"name":"analytics.js"}}}
                """);
    }

    private static RoutePrivacy rules(PrivacyRuleConfig... rules) {
        return RoutePrivacy.compile(
                new PrivacyConfig("s3cret", List.of(), List.of(rules)), PiiCatalog.BUILT_IN_ONLY, "web", "ads");
    }

    private static PrivacyRuleConfig rule(String classification, String pii, String field, String action) {
        return new PrivacyRuleConfig("ads", null, classification, pii, field, action);
    }

    @Test
    void shouldHashEmailsLowerCasedAndTrimmedWithSaltWhenRuleHashesEmail() throws Exception {
        ObjectNode in = event();

        ObjectNode out = rules(rule(null, "email", null, "hash")).apply(in);

        assertThat(out.at("/traits/email").asText())
                .isEqualTo("d812d3caefba414cf568c7acd4901b4e1b2555eed5b0d31d3482582a03437c9e");
        assertThat(out.at("/traits/emails/0").asText())
                .isEqualTo("d812d3caefba414cf568c7acd4901b4e1b2555eed5b0d31d3482582a03437c9e");
        assertThat(out.at("/traits/emails/1").asText()).isEqualTo("n/a");
        assertThat(out.at("/context/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(in).isEqualTo(event()); // the input is never changed
    }

    @Test
    void shouldBlockRedFieldsByKeyAndByValueWhenClassRedIsBlocked() throws Exception {
        ObjectNode out = rules(rule("red", null, null, "block")).apply(event());

        assertThat(out.at("/traits").has("password")).isFalse();
        assertThat(out.at("/properties").has("note")).isFalse();
        assertThat(out.at("/traits/email").asText()).isEqualTo(" Jane@Example.com ");
    }

    @Test
    void shouldTreatEveryYellowKindWhenClassYellowIsMasked() throws Exception {
        ObjectNode out = rules(rule("yellow", null, null, "mask")).apply(event());

        assertThat(out.at("/traits/email").asText()).isEqualTo(" ****@*******.com ");
        assertThat(out.at("/traits/contact").asText()).isEqualTo("+* ***-***-0000");
        assertThat(out.at("/traits/address/street").asText()).isEqualTo("* **** **");
        assertThat(out.at("/traits/address/city").asText()).isEqualTo("*****");
        assertThat(out.at("/context/ip").asText()).isEqualTo("***.*.***.*");
        assertThat(out.at("/traits/plan").asText()).isEqualTo("pro");
        assertThat(out.at("/context/library/name").asText()).isEqualTo("analytics.js");
    }

    @Test
    void shouldLetAllowWinWhenNarrowerRuleAllows() throws Exception {
        ObjectNode out = rules(
                        rule("yellow", null, null, "block"),
                        rule(null, "ip", null, "allow"),
                        rule(null, null, "traits.address", "allow"))
                .apply(event());

        assertThat(out.at("/context/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(out.at("/traits/address/city").asText()).isEqualTo("Paris");
        assertThat(out.at("/traits").has("email")).isFalse();
        assertThat(out.at("/traits").has("contact")).isFalse();
    }

    @Test
    void shouldActOnAnyFieldWhenRuleNamesItsPath() throws Exception {
        ObjectNode out = rules(rule(null, null, "traits.plan", "hash"), rule(null, null, "context.library", "block"))
                .apply(event());

        assertThat(out.at("/traits/plan").asText()).hasSize(64).isNotEqualTo("pro");
        assertThat(out.at("/context").has("library")).isFalse();
        assertThat(out.at("/traits/email").asText()).isEqualTo(" Jane@Example.com ");
    }

    @Test
    void shouldReturnSameEventWhenNoRuleChangesIt() throws Exception {
        ObjectNode in = event();
        RoutePrivacy none = RoutePrivacy.compile(
                new PrivacyConfig(
                        "s", List.of(), List.of(new PrivacyRuleConfig("crm", null, "red", null, null, "block"))),
                PiiCatalog.BUILT_IN_ONLY,
                "web",
                "ads");
        ObjectNode clean = (ObjectNode) JSON.readTree("{\"type\":\"track\",\"properties\":{\"plan\":\"pro\"}}");

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.apply(in)).isSameAs(in);
        assertThat(rules(rule("red", null, null, "block")).apply(clean)).isSameAs(clean);
    }

    @Test
    void shouldApplyRuleOnlyToItsSourceWhenRuleNamesSource() {
        PrivacyConfig config = new PrivacyConfig(
                "", List.of(), List.of(new PrivacyRuleConfig("ads", "backend", "red", null, null, "block")));

        assertThat(RoutePrivacy.compile(config, PiiCatalog.BUILT_IN_ONLY, "web", "ads")
                        .isEmpty())
                .isTrue();
        assertThat(RoutePrivacy.compile(config, PiiCatalog.BUILT_IN_ONLY, "backend", "ads")
                        .isEmpty())
                .isFalse();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.avro.ViolationKind;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import org.junit.jupiter.api.Test;

class CompiledPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CompiledPlan plan(String enforcement) throws Exception {
        String yaml =
                """
                workspace: acme
                sources: [{id: web, writeKey: wk}]
                trackingPlans:
                  - source: web
                    enforcement: %s
                    versions:
                      - version: 1
                        track:
                          Order Completed:
                            type: object
                            properties: { price: { type: number } }
                      - version: 2
                        common:
                          type: object
                          required: [context]
                        track:
                          Order Completed:
                            $schema: https://json-schema.org/draft/2020-12/schema
                            type: object
                            required: [price]
                            properties:
                              price: { $ref: "#/$defs/money" }
                              coupon: { type: string }
                            $defs: { money: { type: number, minimum: 0 } }
                        identify:
                          type: object
                          properties: { email: { type: string } }
                        transformations:
                          - { event: order_done, renameEvent: Order Completed, renameProperties: { total: price } }
                """
                        .formatted(enforcement);
        var config = WorkspaceConfigParser.parseYaml(yaml, "w.yaml", n -> null).config();
        return CompiledWorkspace.of(config).plan("web");
    }

    private static ObjectNode event(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void shouldDeliverUntouchedWithNoViolationsWhenEventMatches() throws Exception {
        ObjectNode e =
                event("{\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"price\":3},\"context\":{}}");

        Judgment j = plan("allow").judge(e);

        assertThat(j.violations()).isEmpty();
        assertThat(j.delivered()).isSameAs(e);
        assertThat(j.version()).isEqualTo(2);
    }

    @Test
    void shouldNameKindPointerAndVersionWhenEventViolates() throws Exception {
        ObjectNode e =
                event("{\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"price\":\"3\",\"x\":1}}");

        Judgment j = plan("allow").judge(e);

        assertThat(j.violations())
                .extracting(PlanViolation::kind, PlanViolation::pointer)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.REQUIRED_MISSING, "/context"),
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.UNPLANNED_PROPERTY, "/properties/x"),
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.TYPE_MISMATCH, "/properties/price"));
        assertThat(j.violations())
                .filteredOn(v -> v.kind() == ViolationKind.TYPE_MISMATCH)
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.expected()).contains("number");
                    assertThat(v.actual()).isEqualTo("string");
                });
        assertThat(j.blocked()).isFalse();
        assertThat(j.delivered()).isSameAs(e);
    }

    @Test
    void shouldJudgeByTheVersionTheEventNames() throws Exception {
        ObjectNode e = event("{\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"price\":-1},"
                + "\"context\":{\"protocols\":{\"event_version\":1}}}");

        Judgment j = plan("block-invalid").judge(e);

        assertThat(j.version()).isEqualTo(1);
        assertThat(j.violations()).isEmpty();
        assertThat(plan("block-invalid")
                        .judge(event(e.toString().replace("\"event_version\":1", "\"event_version\":2")))
                        .blocked())
                .as("minimum 0 is only in version 2")
                .isTrue();
    }

    @Test
    void shouldBlockOnlyUnplannedEventsWhenBlockUnplanned() throws Exception {
        CompiledPlan plan = plan("block-unplanned");

        assertThat(plan.judge(event("{\"type\":\"track\",\"event\":\"Nope\",\"context\":{}}"))
                        .blocked())
                .isTrue();
        assertThat(plan.judge(event("{\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{}}"))
                        .blocked())
                .as("invalid but planned")
                .isFalse();
    }

    @Test
    void shouldOmitUnplannedAndInvalidPropertiesWithoutTouchingTheInput() throws Exception {
        ObjectNode e = event("{\"type\":\"track\",\"event\":\"Order Completed\",\"context\":{},"
                + "\"properties\":{\"price\":2,\"coupon\":5,\"extra\":true}}");
        String before = e.toString();

        Judgment j = plan("omit-properties").judge(e);

        assertThat(j.delivered().get("properties").toString()).isEqualTo("{\"price\":2}");
        assertThat(j.violations()).hasSize(2);
        assertThat(e.toString()).isEqualTo(before);
    }

    @Test
    void shouldOmitThenBlockWhatIsStillInvalidWhenBothAreSet() throws Exception {
        CompiledPlan plan = plan("[omit-properties, block-invalid]");

        assertThat(plan.judge(event("{\"type\":\"track\",\"event\":\"Order Completed\",\"context\":{},"
                                + "\"properties\":{\"price\":2,\"coupon\":5}}"))
                        .blocked())
                .as("the bad coupon is omitted, the rest is valid")
                .isFalse();
        assertThat(plan.judge(event(
                                "{\"type\":\"track\",\"event\":\"Order Completed\",\"context\":{},\"properties\":{}}"))
                        .blocked())
                .as("a missing required property cannot be omitted")
                .isTrue();
    }

    @Test
    void shouldTransformBeforeJudging() throws Exception {
        ObjectNode e =
                event("{\"type\":\"track\",\"event\":\"order_done\",\"context\":{},\"properties\":{\"total\":9}}");

        Judgment j = plan("block-unplanned").judge(e);

        assertThat(j.blocked()).isFalse();
        assertThat(j.violations()).isEmpty();
        assertThat(j.delivered().get("event").asText()).isEqualTo("Order Completed");
        assertThat(j.delivered().get("properties").toString()).isEqualTo("{\"price\":9}");
        assertThat(e.get("event").asText()).isEqualTo("order_done");
    }

    @Test
    void shouldJudgeIdentifyTraitsAndLeaveAliasAlone() throws Exception {
        Judgment identify =
                plan("allow").judge(event("{\"type\":\"identify\",\"context\":{},\"traits\":{\"email\":1}}"));
        Judgment alias = plan("block-invalid").judge(event("{\"type\":\"alias\",\"previousId\":\"a\"}"));

        assertThat(identify.violations()).extracting(PlanViolation::pointer).containsExactly("/traits/email");
        assertThat(alias.violations()).isEmpty();
        assertThat(alias.blocked()).isFalse();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViolationGeneratedTest {

    @Test
    void shouldDeriveTheSameMessageIdForTheSameEventPointerAndKindOnly() {
        String id = ViolationGenerated.messageId(violation("m1", "/properties/price", ViolationKind.TYPE_MISMATCH));

        assertThat(id).startsWith("sch-").hasSize(40);
        assertThat(ViolationGenerated.messageId(violation("m1", "/properties/price", ViolationKind.TYPE_MISMATCH)))
                .isEqualTo(id);
        assertThat(ViolationGenerated.messageId(violation("m2", "/properties/price", ViolationKind.TYPE_MISMATCH)))
                .isNotEqualTo(id);
        assertThat(ViolationGenerated.messageId(violation("m1", "/properties/sku", ViolationKind.TYPE_MISMATCH)))
                .isNotEqualTo(id);
        assertThat(ViolationGenerated.messageId(violation("m1", "/properties/price", ViolationKind.INVALID_VALUE)))
                .isNotEqualTo(id);
    }

    @Test
    void shouldWriteThePointerAsSegmentsDottedFieldWhenKeysHoldSlashesOrTildes() {
        assertThat(ViolationGenerated.field("/properties/products/0/price")).isEqualTo("properties.products.0.price");
        assertThat(ViolationGenerated.field("/properties/a~1b/c~0d")).isEqualTo("properties.a/b.c~d");
        assertThat(ViolationGenerated.field("")).isEmpty();
    }

    @Test
    void shouldNameRequiredAsSegmentDoesAndEveryOtherKindByItsWords() {
        assertThat(ViolationGenerated.type(ViolationKind.REQUIRED_MISSING)).isEqualTo("Required");
        assertThat(ViolationGenerated.type(ViolationKind.TYPE_MISMATCH)).isEqualTo("Type Mismatch");
        assertThat(ViolationGenerated.type(ViolationKind.UNPLANNED_EVENT)).isEqualTo("Unplanned Event");
    }

    private static final Violation BASE = Violation.newBuilder()
            .setWorkspaceId("acme")
            .setSourceId("web")
            .setMessageId("m0")
            .setType("track")
            .setPointer("")
            .setKind(ViolationKind.INVALID_VALUE)
            .setPlanVersion(1)
            .setEnforcement("allow")
            .setBlocked(false)
            .setJudgedAt(Instant.EPOCH)
            .build();

    private static Violation violation(String messageId, String pointer, ViolationKind kind) {
        return Violation.newBuilder(BASE)
                .setMessageId(messageId)
                .setPointer(pointer)
                .setKind(kind)
                .build();
    }
}

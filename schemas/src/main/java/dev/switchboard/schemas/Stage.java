/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import java.util.Locale;

/**
 * Where in the flow a record was refused: the value of {@link dev.switchboard.schemas.avro.Rejected}'s
 * {@code stage}, in flow order. On the wire it is {@link #wireName()} (a string, so old records stay readable);
 * a router stage's Kafka Streams processor is named {@link #processorName()}, so an error caught by Kafka
 * Streams names the stage it happened in ({@link #ofProcessor}).
 */
public enum Stage {
    /** The tracking API, before the first durable write. */
    INGEST,
    /** A record on a router input topic could not be read. */
    DESERIALIZE,
    PARSE,
    VALIDATE,
    ENRICH,
    DEDUPE,
    WORKSPACE,
    /** The field inventory: every field path each source sends ({@code sb.fields}). */
    FIELDS,
    /** Tracking plans and suppression. */
    PLAN,
    ARCHIVE,
    FANOUT,
    /** Privacy rules, on each route's copy. */
    PRIVACY,
    MAP,
    /** Delivery to the destination. */
    DELIVER,
    /** Somewhere in the router's topology that is none of its named stages. */
    ROUTER;

    private static final String PROCESSOR_PREFIX = "sb-";

    /** The name written in {@code Rejected.stage}, such as {@code map}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name of this stage's Kafka Streams processor, such as {@code sb-map}; its other nodes add a suffix. */
    public String processorName() {
        return PROCESSOR_PREFIX + wireName();
    }

    /** The stage a router processor belongs to ({@code sb-map}, {@code sb-map-rejected}, ...), else {@link #ROUTER}. */
    public static Stage ofProcessor(String processorNodeId) {
        if (processorNodeId != null && processorNodeId.startsWith(PROCESSOR_PREFIX)) {
            String rest = processorNodeId.substring(PROCESSOR_PREFIX.length());
            for (Stage s : values()) {
                String name = s.wireName();
                if (rest.equals(name) || rest.startsWith(name + "-")) {
                    return s;
                }
            }
        }
        return ROUTER;
    }
}

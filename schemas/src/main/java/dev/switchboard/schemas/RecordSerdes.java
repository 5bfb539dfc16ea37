/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes for our Avro records. The default is single-object encoding with the schemas shipped in
 * this jar (no registry needed); a deployment with a schema registry plugs in its own
 * {@link RecordSerdeFactory} through {@code META-INF/services}.
 */
public final class RecordSerdes {

    private static final RecordSerdeFactory FACTORY =
            ServiceLoader.load(RecordSerdeFactory.class).findFirst().orElseGet(SingleObjectSerdeFactory::new);

    /** Built once per class: a serde reads the schema history from the class path. */
    private static final Map<Class<?>, Serde<?>> CACHE = new ConcurrentHashMap<>();

    private RecordSerdes() {}

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Serde<T> forClass(Class<T> type) {
        return (Serde<T>) CACHE.computeIfAbsent(type, t -> FACTORY.serde(type));
    }
}

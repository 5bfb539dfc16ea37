/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import java.util.ServiceLoader;
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

    private RecordSerdes() {}

    public static <T extends SpecificRecord> Serde<T> forClass(Class<T> type) {
        return FACTORY.serde(type);
    }
}

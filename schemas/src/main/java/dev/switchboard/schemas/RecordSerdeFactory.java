/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** The seam for a registry-backed serde: one implementation on the class path wins. */
public interface RecordSerdeFactory {

    <T extends SpecificRecord> Serde<T> serde(Class<T> type);
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Typed role options in the style of Kafka's ConfigDef and Flink's ConfigOption: each
 * {@link dev.switchboard.options.Option} is a constant with key, type, default and doc;
 * {@link dev.switchboard.options.OptionSet} reads a role's properties, failing fast on an
 * unknown {@code switchboard.*} key (naming the closest valid one) and passing Kafka client settings
 * through by prefix.
 */
package dev.switchboard.options;

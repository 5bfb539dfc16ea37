/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * {@link dev.switchboard.schemas.admin.TopicAdmin}: creates every topic of {@link dev.switchboard.schemas.Topics}
 * with its partitions and configs, and describes them, with Kafka's Admin client; used by
 * {@code switchboard topics create|describe}, {@code config apply}, {@code dev} and the embedded broker.
 */
package dev.switchboard.schemas.admin;

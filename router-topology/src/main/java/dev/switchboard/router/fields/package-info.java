/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The field inventory, beside the plan step: every field path each source sends in {@code properties},
 * {@code traits} and {@code context}, with its JSON types, its PII kind and when it was first and last seen.
 * Input: events with their workspace (every event, blocked and suppressed ones too). Output: a
 * {@code FieldSeen} on the compacted {@code sb.fields} when a path is new, gains a type, or was last
 * reported more than {@link dev.switchboard.router.fields.FieldsStage#LAST_SEEN_INTERVAL} ago; nothing
 * otherwise. Per event: a walk of those three trees with one hash lookup per field.
 */
package dev.switchboard.router.fields;

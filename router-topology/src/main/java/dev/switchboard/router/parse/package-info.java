/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Parse: {@code sb.ingest.raw} records ({@code RawCall}) to JSON trees. In: every raw call. Out:
 * {@code Parsed} for payloads that are JSON objects. Side output: {@code sb.rejected} (code
 * {@code bad_request}) for anything else. Undeserializable records never get here: the
 * deserialization exception handler sends them to {@code sb.rejected}.
 */
package dev.switchboard.router.parse;

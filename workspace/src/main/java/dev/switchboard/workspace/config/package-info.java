/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The workspace config model ({@code workspace.yaml}): typed records, a parser that fails on unknown
 * keys, duplicate ids and dangling references with the line of each problem, and
 * {@link dev.switchboard.workspace.ConfigView}, the live view of {@code sb.config} that every
 * role reads.
 */
package dev.switchboard.workspace.config;

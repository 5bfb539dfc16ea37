/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code switchboard} command: one picocli subcommand per role (tracking-api, router,
 * delivery), {@code dev} (everything in one JVM on an embedded broker), {@code config} and
 * {@code topics}. Nothing imports this module.
 */
package dev.switchboard.launcher;

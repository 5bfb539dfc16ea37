/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What every command shares: {@link dev.switchboard.launcher.cli.KafkaOptions} ({@code --kafka}),
 * {@link dev.switchboard.launcher.cli.RoleProperties} ({@code --config-file}, {@code --set}) and
 * {@link dev.switchboard.launcher.cli.Lifecycle}, the one place that closes what a command started. The
 * commands' packages depend on it, never on each other's root.
 */
package dev.switchboard.launcher.cli;

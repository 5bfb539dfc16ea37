/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * {@code switchboard config validate|apply}: reads a workspace.yaml, checks it against the
 * destination types on the class path, creates the topics of its destinations and publishes it to
 * {@code sb.config}, where every role picks it up without a restart.
 */
package dev.switchboard.launcher.config;

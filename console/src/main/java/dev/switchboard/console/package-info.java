/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The web console: {@link dev.switchboard.console.ConsoleApp} serves the pages (static HTML, CSS and
 * JavaScript modules from the jar, no build step) and the admin API on one port, reading the topics with
 * consumers of its own.
 */
package dev.switchboard.console;

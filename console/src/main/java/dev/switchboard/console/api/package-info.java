/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The admin API (JSON, described by docs/console-api.yaml) behind every console view, and the JSON it
 * renders: secrets masked, write keys masked, event content as data for the page to show as text.
 */
package dev.switchboard.console.api;

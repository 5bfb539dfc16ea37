/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The SRE's commands: {@code dlq list|show|redrive} and {@code destination pause|resume}. They only
 * parse arguments and print; what they do lives in {@code dev.switchboard.delivery.recovery}, which
 * the console calls too. A bad argument (unknown destination, unparseable time, ...) is one line on
 * stderr and exit code 2, with nothing written.
 */
package dev.switchboard.launcher.recovery;

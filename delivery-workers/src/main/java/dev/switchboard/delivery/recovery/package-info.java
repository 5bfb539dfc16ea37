/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What an operator does to delivery, as classes the {@code switchboard} command and the console
 * both call: {@link dev.switchboard.delivery.recovery.DeadLetterQueue} lists, shows and redrives
 * dead letters of {@code sb.dest.<id>.dlq}, recording each redrive on {@code sb.redrives};
 * {@link dev.switchboard.delivery.recovery.DestinationControls} pauses and resumes a destination
 * through the compacted {@code sb.control}, which every delivery instance follows with a
 * {@link dev.switchboard.delivery.recovery.ControlView}.
 */
package dev.switchboard.delivery.recovery;

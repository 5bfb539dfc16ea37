/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Replay: archived events from {@code sb.events}, re-routed to chosen destinations through the
 * router's own fan-out, privacy and map code ({@code FanOutStage.routes}, {@code PrivacyStage.apply},
 * {@code MapStage.map}), skipping
 * dedupe. In: an archive window (offsets for times) of one source. Out: {@code DestinationRequest}s
 * on {@code sb.dest.<destinationId>}, as the router writes them, tagged with the replay id (field and
 * {@code sb-replay-id} header), and the replay's progress on the compacted {@code sb.replays}, in the
 * same Kafka transaction, with a {@code Rejected} record on {@code sb.rejected} for each event a
 * destination's mapper refuses (as the router's map stage writes it).
 */
package dev.switchboard.router.replay;

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.map;

import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.mappers.api.Lookup;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.router.errors.InternalErrors;
import dev.switchboard.router.errors.Outcome;
import dev.switchboard.router.errors.Outcomes;
import dev.switchboard.router.internal.Routed;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.BatchFormat;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.LookupCall;
import dev.switchboard.schemas.avro.LookupSpec;
import dev.switchboard.schemas.avro.PartialFailureOthers;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Turns each routed event into destination requests and writes them to the destination's topic. */
public final class MapStage {

    static final String NAME = Stage.MAP.processorName();

    private MapStage() {}

    public static void apply(KStream<String, Routed> routed) {
        Outcomes.split(routed.flatMapValues(MapStage::map, Named.as(NAME)), NAME)
                .to(
                        new DestinationTopicExtractor(),
                        Topics.destination("any").produced().withName(NAME + "-sink"));
    }

    /** What one routed event becomes: requests, or a rejection (the replay calls it too). */
    public static List<Outcome<DestinationRequest>> map(Routed r) {
        if (r.route().mapper() == null) {
            return List.of(reject(
                    r,
                    "mapper_missing",
                    "no mapper for destination type '" + r.route().destination().type() + "' is installed"));
        }
        try {
            // the event's text is shared by its destinations unless a filter changed this route's copy
            byte[] text = r.json() == r.event().json() ? r.event().text() : null;
            List<MappedRequest> requests =
                    r.route().mapper().map(r.json(), text, r.route().context());
            return requests.stream().map(m -> Outcome.ok(toRecord(m, r))).toList();
        } catch (PayloadInvalidException e) {
            return List.of(reject(r, "payload_invalid", "'" + e.field() + "': " + e.getMessage()));
        } catch (RuntimeException e) {
            // A mapper bug is not bad data: rejected (in the stream's transaction) as an internal error.
            String where = "mapper " + r.route().destination().type();
            return List.of(reject(r, InternalErrors.CODE, InternalErrors.record(Stage.MAP, where, e)));
        }
    }

    private static DestinationRequest toRecord(MappedRequest m, Routed r) {
        BatchSpec b = m.batch();
        return DestinationRequest.newBuilder()
                .setDestinationId(r.route().destination().id())
                .setDestinationType(r.route().destination().type())
                .setMessageIds(m.messageIds())
                .setMethod(m.method())
                .setUrl(m.url())
                .setHeaders(m.headers())
                .setBody(ByteBuffer.wrap(m.body()))
                .setIdempotencyKey(m.idempotencyKey())
                .setBatchKey(m.batchKey())
                .setCreatedAt(Instant.now())
                .setBatch(
                        b == null
                                ? null
                                : dev.switchboard.schemas.avro.BatchSpec.newBuilder()
                                        .setItem(ByteBuffer.wrap(b.item()))
                                        .setFormat(
                                                BatchFormat.valueOf(b.format().name()))
                                        .setWrapper(b.wrapper())
                                        .setWrapperPath(b.wrapperPath())
                                        .setMaxEvents(b.maxEvents())
                                        .setMaxBytes(b.maxBytes())
                                        .setPartialFailure(partialFailure(b.partialFailure()))
                                        .build())
                .setSuccessBody(
                        m.successBody() == null
                                ? null
                                : SuccessBodySpec.newBuilder()
                                        .setPath(m.successBody().path())
                                        .setValues(m.successBody().values())
                                        .build())
                .setLookup(lookup(m.lookup()))
                .build();
    }

    private static LookupSpec lookup(Lookup l) {
        return l == null
                ? null
                : LookupSpec.newBuilder()
                        .setRequest(call(l.request()))
                        .setFound(l.found())
                        .setNotFound(l.notFound())
                        .setOtherwise(call(l.otherwise()))
                        .setRetry(l.retry())
                        .build();
    }

    private static LookupCall call(Lookup.Call c) {
        return LookupCall.newBuilder()
                .setMethod(c.method())
                .setUrl(c.url())
                .setHeaders(c.headers())
                .setBody(ByteBuffer.wrap(c.body()))
                .build();
    }

    private static PartialFailureSpec partialFailure(BatchSpec.PartialFailure p) {
        return p == null
                ? null
                : PartialFailureSpec.newBuilder()
                        .setStatuses(p.statuses())
                        .setFailedIndexes(p.failedIndexes())
                        .setOthers(PartialFailureOthers.valueOf(p.others().name()))
                        .setItemId(p.itemId())
                        .setFailedIds(p.failedIds())
                        .build();
    }

    private static Outcome<DestinationRequest> reject(Routed r, String code, String reason) {
        Event e = r.event().event();
        return Outcome.rejected(Rejected.newBuilder()
                .setStage(Stage.MAP.wireName())
                .setCode(code)
                .setReason(reason)
                .setWorkspaceId(e.getWorkspaceId())
                .setSourceId(e.getSourceId())
                .setDestinationId(r.route().destination().id())
                .setMessageId(e.getMessageId())
                .setRejectedAt(Instant.now())
                .setOriginal(ByteBuffer.wrap(e.getJson().getBytes(StandardCharsets.UTF_8)))
                .build());
    }
}

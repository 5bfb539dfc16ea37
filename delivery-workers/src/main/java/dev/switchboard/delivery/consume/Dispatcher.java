/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import dev.switchboard.delivery.batch.BatchAssembler;
import dev.switchboard.delivery.batch.BatchSelector;
import dev.switchboard.delivery.deadletter.DeadLetters;
import dev.switchboard.delivery.http.AimdLimiter;
import dev.switchboard.delivery.http.CallRateLimiter;
import dev.switchboard.delivery.http.HttpCall;
import dev.switchboard.delivery.http.HttpResult;
import dev.switchboard.delivery.http.HttpSender;
import dev.switchboard.delivery.http.LookupExchange;
import dev.switchboard.delivery.http.StatusClass;
import dev.switchboard.delivery.outcomes.OutcomeRecorder;
import dev.switchboard.delivery.outcomes.Step;
import dev.switchboard.delivery.recovery.PauseClock;
import dev.switchboard.delivery.retry.CallDecider;
import dev.switchboard.delivery.retry.RetryPolicy;
import dev.switchboard.delivery.retry.RetryPolicy.Decision;
import dev.switchboard.schemas.avro.BatchSpec;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.LookupSpec;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends one destination's requests: a FIFO of pending requests, drained into HTTP calls while the
 * AIMD limit, the rate limit and any {@code Retry-After} allow, batched where the requests carry a
 * {@code BatchSpec}; a request with a lookup is sent as its two-call {@link LookupExchange}. Each answer
 * is classified, turned into a decision per request and recorded; once the broker has acknowledged the
 * records, {@code onFinished} gets the requests so their offsets can be committed. Confined to the worker
 * thread: HTTP completions come back through {@code mailbox}.
 */
final class Dispatcher {

    private final HttpSender sender;
    private final LookupExchange lookups;
    private final OutcomeRecorder recorder;
    private final CallDecider decider;
    private final Mailbox mailbox;
    private final Consumer<List<WorkItem>> onFinished;
    private final Consumer<Throwable> onFailure;
    private final long lingerNanos;
    private final int maxPending;
    private final AimdLimiter limiter;
    private final CallRateLimiter rate;
    private final UserOrdering ordering;
    private final Supplier<PauseClock> pause;
    private final Deque<WorkItem> pending = new ArrayDeque<>();
    private final Set<CompletableFuture<?>> calls = ConcurrentHashMap.newKeySet();
    private long notBeforeNanos = System.nanoTime();
    private int inFlightCalls;
    private volatile int outstandingItems;

    Dispatcher(
            WorkerTuning s,
            HttpSender sender,
            OutcomeRecorder recorder,
            RetryPolicy policy,
            Mailbox mailbox,
            Consumer<List<WorkItem>> onFinished,
            Consumer<Throwable> onFailure,
            Supplier<PauseClock> pause) {
        this.pause = pause;
        this.sender = sender;
        this.lookups = new LookupExchange(sender);
        this.recorder = recorder;
        this.decider = new CallDecider(policy);
        this.mailbox = mailbox;
        this.onFinished = onFinished;
        this.onFailure = onFailure;
        this.lingerNanos = s.batchLinger().toNanos();
        this.maxPending = s.maxPending();
        this.limiter = new AimdLimiter(s.maxInFlight());
        this.rate = new CallRateLimiter(s.ratePerSecond(), System.nanoTime());
        this.ordering = s.perUserOrdering() ? new UserOrdering(s.perUserMaxHeld()) : null;
    }

    /** Queues a request read from Kafka. */
    void add(WorkItem item) {
        if (ordering == null || ordering.admit(item)) {
            pending.addLast(item);
        }
    }

    /**
     * Sends what the limits allow; with {@code flush}, batches go without waiting for their linger.
     * Nothing is sent while the destination is paused: what was read waits, uncommitted.
     */
    void dispatch(boolean flush) {
        if (pause.get().paused()) {
            return;
        }
        while (!pending.isEmpty() && inFlightCalls < limiter.limit()) {
            long now = System.nanoTime();
            if (now - notBeforeNanos < 0) {
                return;
            }
            boolean ready = flush || now - pending.peekFirst().readAtNanos() >= lingerNanos;
            List<WorkItem> items = BatchSelector.take(pending, WorkItem::request, ready);
            if (items.isEmpty()) {
                return;
            }
            if (!rate.tryAcquire(now)) {
                for (int i = items.size() - 1; i >= 0; i--) {
                    pending.addFirst(items.get(i));
                }
                return;
            }
            send(items);
        }
    }

    private void send(List<WorkItem> items) {
        inFlightCalls++;
        outstandingItems += items.size();
        long sentNanos = System.nanoTime();
        CompletableFuture<HttpResult> call;
        try {
            HttpCall http = BatchAssembler.assemble(
                    items.stream().map(WorkItem::request).toList());
            LookupSpec lookup = items.get(0).request().getLookup();
            call = lookup == null ? sender.send(http) : lookups.send(lookup, http);
        } catch (RuntimeException e) {
            call = CompletableFuture.completedFuture(
                    HttpResult.failure("invalid_request", e.getMessage(), Instant.now(), 0));
        }
        calls.add(call);
        CompletableFuture<HttpResult> tracked = call;
        call.thenAccept(result -> mailbox.execute(() -> {
            calls.remove(tracked);
            complete(items, result, sentNanos);
        }));
    }

    private void complete(List<WorkItem> items, HttpResult result, long sentNanos) {
        inFlightCalls--;
        Instant now = Instant.now();
        PartialFailureSpec partialFailure = partialFailure(items);
        // an item's bytes are copied only when the answer may name failed items by an id read from them
        boolean byId = partialFailure != null && partialFailure.getItemId() != null;
        List<CallDecider.Item> decided = items.stream()
                .map(i -> new CallDecider.Item(i.nextAttempt(), i.firstAttemptAt(), byId ? batchItem(i) : null))
                .toList();
        CallDecider.Verdict verdict = decider.decide(
                result,
                items.get(0).request().getSuccessBody(),
                partialFailure,
                decided,
                now,
                pause.get()::pausedBetween);
        if (verdict.call().statusClass() == StatusClass.RETRYABLE
                && !LookupExchange.LOOKUP_RETRY.equals(verdict.call().errorClass())) {
            // 429 above all, but also 5xx and timeouts: a struggling destination gets fewer calls at once,
            // and a failing one stops taking CPU and connections its healthy neighbours could use. A write a
            // lookup retries (a record its read did not see yet) says nothing about the destination's load.
            limiter.onThrottle(sentNanos, System.nanoTime());
        } else if (verdict.call().statusClass() == StatusClass.DELIVERED) {
            limiter.onSuccess();
        }
        if (verdict.destinationWait().isPresent()) {
            // The destination asked the whole destination to wait, not only this request.
            long until = System.nanoTime() + verdict.destinationWait().get().toNanos();
            notBeforeNanos = until - notBeforeNanos > 0 ? until : notBeforeNanos;
        }
        List<Step> steps = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            WorkItem item = items.get(i);
            List<DeliveryAttempt> attempts = new ArrayList<>(item.attempts());
            attempts.add(DeadLetters.attempt(
                    item.nextAttempt(), result, verdict.classes().get(i)));
            Decision d = verdict.decisions().get(i);
            steps.add(new Step(
                    item.key(),
                    item.request(),
                    attempts,
                    verdict.firstAttempts().get(i),
                    d));
            if (ordering != null && !(d instanceof Decision.Retry)) {
                ordering.release(item).ifPresent(pending::addFirst);
            }
        }
        recorder.record(result, verdict.call(), steps)
                .whenComplete((v, e) -> mailbox.execute(() -> {
                    outstandingItems -= items.size();
                    if (e == null) {
                        onFinished.accept(items);
                    } else {
                        onFailure.accept(e);
                    }
                }));
    }

    /** The request's element of its batch as sent, or null for a request that does not batch. */
    private static byte[] batchItem(WorkItem item) {
        BatchSpec spec = item.request().getBatch();
        return spec == null ? null : BatchAssembler.bytes(spec.getItem());
    }

    /** The partial-failure rule of the call's batch (the assembler takes its first request's spec), or null. */
    private static PartialFailureSpec partialFailure(List<WorkItem> items) {
        BatchSpec spec = items.get(0).request().getBatch();
        return spec == null ? null : spec.getPartialFailure();
    }

    /** Forgets the queued (not yet sent) requests of {@code partitions}: they will be read again. */
    void drop(Collection<?> partitions) {
        pending.removeIf(i -> partitions.contains(i.partition()));
        if (ordering != null) {
            ordering.drop(partitions);
        }
    }

    /** Cancels the calls still in flight (forced shutdown); their requests will be read again. */
    void cancelInFlight() {
        calls.forEach(c -> c.cancel(true));
    }

    /** Whether the consumer should stop reading ahead. */
    boolean backpressured() {
        int held = ordering == null ? 0 : ordering.heldCount();
        return pending.size() + held >= maxPending || (ordering != null && ordering.anyUserFull());
    }

    /** Waits, running the mailbox, until no sent request awaits its outcome, or the timeout. */
    boolean awaitOutstanding(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstandingItems > 0 && System.nanoTime() - deadline < 0) {
            mailbox.await(Duration.ofMillis(20));
            mailbox.drain();
        }
        return outstandingItems == 0;
    }

    /** Requests sent whose outcome is not yet acknowledged. */
    int outstanding() {
        return outstandingItems;
    }

    int pendingCount() {
        return pending.size() + (ordering == null ? 0 : ordering.heldCount());
    }

    int concurrencyLimit() {
        return limiter.limit();
    }
}

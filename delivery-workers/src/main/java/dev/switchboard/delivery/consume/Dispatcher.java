/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import dev.switchboard.delivery.batch.BatchAssembler;
import dev.switchboard.delivery.batch.BatchSelector;
import dev.switchboard.delivery.deadletter.DeadLetters;
import dev.switchboard.delivery.http.AimdLimiter;
import dev.switchboard.delivery.http.Classification;
import dev.switchboard.delivery.http.HttpCall;
import dev.switchboard.delivery.http.HttpResult;
import dev.switchboard.delivery.http.HttpSender;
import dev.switchboard.delivery.http.RateLimiter;
import dev.switchboard.delivery.http.RetryAfter;
import dev.switchboard.delivery.http.StatusClass;
import dev.switchboard.delivery.http.StatusTable;
import dev.switchboard.delivery.outcomes.OutcomeRecorder;
import dev.switchboard.delivery.outcomes.Step;
import dev.switchboard.delivery.recovery.PauseClock;
import dev.switchboard.delivery.retry.RetryPolicy;
import dev.switchboard.delivery.retry.RetryPolicy.Decision;
import dev.switchboard.schemas.avro.BatchSpec;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends one destination's requests: a FIFO of pending requests, drained into HTTP calls while the
 * AIMD limit, the rate limit and any {@code Retry-After} allow, batched where the requests carry a
 * {@code BatchSpec}. Each answer is classified, turned into a decision per request and recorded;
 * once the broker has acknowledged the records, {@code onFinished} gets the requests so their
 * offsets can be committed. Confined to the worker thread: HTTP completions come back through
 * {@code mailbox}.
 */
final class Dispatcher {

    private final HttpSender sender;
    private final OutcomeRecorder recorder;
    private final RetryPolicy policy;
    private final Mailbox mailbox;
    private final Consumer<List<WorkItem>> onFinished;
    private final Consumer<Throwable> onFailure;
    private final long lingerNanos;
    private final int maxPending;
    private final AimdLimiter limiter;
    private final RateLimiter rate;
    private final UserOrdering ordering;
    private final Supplier<PauseClock> pause;
    private final Deque<WorkItem> pending = new ArrayDeque<>();
    private final Set<CompletableFuture<?>> calls = ConcurrentHashMap.newKeySet();
    private long notBeforeNanos = System.nanoTime();
    private int inFlightCalls;
    private volatile int outstandingItems;

    Dispatcher(
            DestinationSettings s,
            HttpSender sender,
            OutcomeRecorder recorder,
            RetryPolicy policy,
            Mailbox mailbox,
            Consumer<List<WorkItem>> onFinished,
            Consumer<Throwable> onFailure,
            Supplier<PauseClock> pause) {
        this.pause = pause;
        this.sender = sender;
        this.recorder = recorder;
        this.policy = policy;
        this.mailbox = mailbox;
        this.onFinished = onFinished;
        this.onFailure = onFailure;
        this.lingerNanos = s.batchLinger().toNanos();
        this.maxPending = s.maxPending();
        this.limiter = new AimdLimiter(s.maxInFlight());
        this.rate = new RateLimiter(s.ratePerSecond(), System.nanoTime());
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
            call = sender.send(http);
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
        SuccessBodySpec success = items.get(0).request().getSuccessBody();
        Classification c = StatusTable.classify(result, success);
        Instant now = Instant.now();
        Optional<Duration> retryAfter =
                result.status() == null ? Optional.empty() : RetryAfter.parse(result.headers(), now);
        if (c.statusClass() == StatusClass.RETRYABLE) {
            // 429 above all, but also 5xx and timeouts: a struggling destination gets fewer calls at once,
            // and a failing one stops taking CPU and connections its healthy neighbours could use.
            limiter.onThrottle(sentNanos, System.nanoTime());
        } else if (c.statusClass() == StatusClass.DELIVERED) {
            limiter.onSuccess();
        }
        if (c.statusClass() == StatusClass.RETRYABLE && retryAfter.isPresent()) {
            // The destination asked the whole destination to wait, not only this request.
            long until = System.nanoTime() + retryAfter.get().toNanos();
            notBeforeNanos = until - notBeforeNanos > 0 ? until : notBeforeNanos;
        }
        // A batch whose destination names the items it rejected is decided per item.
        List<Classification> classes = StatusTable.classifyItems(result, partialFailure(items), success, items.size());
        List<Step> steps = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            WorkItem item = items.get(i);
            Classification ci = classes.get(i);
            DeliveryAttempt attempt = DeadLetters.attempt(item.nextAttempt(), result, ci.errorClass());
            List<DeliveryAttempt> attempts = new ArrayList<>(item.attempts());
            attempts.add(attempt);
            Instant first = item.firstAttemptAt() != null ? item.firstAttemptAt() : result.startedAt();
            Decision d = policy.decide(
                    ci, item.nextAttempt(), first, now, retryAfter, pause.get().pausedBetween(first, now));
            steps.add(new Step(item.key(), item.request(), attempts, first, d));
            if (ordering != null && !(d instanceof Decision.Retry)) {
                ordering.release(item).ifPresent(pending::addFirst);
            }
        }
        recorder.record(result, c, steps)
                .whenComplete((v, e) -> mailbox.execute(() -> {
                    outstandingItems -= items.size();
                    if (e == null) {
                        onFinished.accept(items);
                    } else {
                        onFailure.accept(e);
                    }
                }));
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

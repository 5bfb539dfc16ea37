/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.ingest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The floor of any HTTP ingest on this machine: a Vert.x server with the tracking API's event loops
 * that reads each request's body and, without looking at it, sends {@code eventsPerRequest}
 * pre-encoded records with the raw baseline's producer, answering 200 once all are acknowledged
 * (503 if one fails). What the tracking API does beyond this (parse, check, merge, encode) is what
 * its ratio to this floor measures.
 */
final class HttpFloor implements AutoCloseable {

    private static final String SUCCESS = "{\"success\":true}";

    private final Vertx vertx;
    private final RawProducerLoad records;
    private final KafkaProducer<byte[], byte[]> producer;
    private final int eventsPerRequest;
    private final AtomicLong next = new AtomicLong();

    HttpFloor(RawProducerLoad records, int eventsPerRequest) {
        this.vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
        this.records = records;
        this.producer = records.newProducer();
        this.eventsPerRequest = eventsPerRequest;
    }

    /** Listens on a free port of 127.0.0.1 with one server per event loop, as the API does; returns the port. */
    int start() throws Exception {
        int port = 0;
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            // Vert.x shares one random port among the servers that listen on the same negative port.
            HttpServer server = vertx.createHttpServer(
                            new HttpServerOptions().setHost("127.0.0.1").setPort(-1))
                    .requestHandler(this::handle);
            port = server.listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS)
                    .actualPort();
        }
        return port;
    }

    private void handle(HttpServerRequest request) {
        Context context = Vertx.currentContext();
        request.body().onSuccess(body -> {
            AtomicInteger pending = new AtomicInteger(eventsPerRequest);
            AtomicBoolean failed = new AtomicBoolean();
            long first = next.getAndAdd(eventsPerRequest);
            for (int i = 0; i < eventsPerRequest; i++) {
                records.send(producer, first + i, (metadata, error) -> {
                    if (error != null && failed.compareAndSet(false, true)) {
                        context.runOnContext(
                                v -> request.response().setStatusCode(503).end());
                    } else if (pending.decrementAndGet() == 0 && !failed.get()) {
                        context.runOnContext(v -> request.response()
                                .putHeader("Content-Type", "application/json")
                                .end(SUCCESS));
                    }
                });
            }
        });
    }

    @Override
    public void close() throws Exception {
        producer.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}

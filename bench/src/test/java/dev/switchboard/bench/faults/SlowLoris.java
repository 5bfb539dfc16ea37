/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow-loris connections: each sends a request's headers announcing a large body, then one byte
 * every 500 ms, until closed. Reports how many the server closed on its own, and after how long.
 */
final class SlowLoris implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final AtomicInteger longestOpenMillis = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final long started = System.currentTimeMillis();
    private volatile boolean running = true;

    private SlowLoris() {}

    static SlowLoris open(int port, int connections) throws IOException {
        SlowLoris loris = new SlowLoris();
        for (int i = 0; i < connections; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            loris.sockets.add(socket);
            Thread t = new Thread(() -> loris.trickle(socket, port), "slow-loris-" + i);
            t.setDaemon(true);
            t.start();
            loris.threads.add(t);
        }
        return loris;
    }

    private void trickle(Socket socket, int port) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (running) {
                out.write('{');
                out.flush();
                Thread.sleep(500);
            }
        } catch (IOException e) {
            if (running) {
                closedByServer.incrementAndGet();
                longestOpenMillis.accumulateAndGet((int) (System.currentTimeMillis() - started), Math::max);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String report() {
        return "slow-loris: %d connections, %d closed by the server (the last after %d ms)"
                .formatted(sockets.size(), closedByServer.get(), longestOpenMillis.get());
    }

    @Override
    public void close() {
        running = false;
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpSenderTest {

    @Test
    void shouldTimeOutWhenTheBodyStallsAfterTheHeaders() throws Exception {
        // Given: a server on 127.0.0.1 that sends its headers and 3 of the 100 bytes it announced, then stalls
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                HttpSender sender = new HttpSender("stall", Duration.ofSeconds(2), Duration.ofMillis(500))) {
            Thread serving = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    release.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the test ends the connection
                }
            });
            serving.start();
            HttpCall call = new HttpCall(
                    "POST", "http://127.0.0.1:" + server.getLocalPort() + "/in", Map.of(), new byte[] {'{', '}'});

            // When
            HttpResult result = sender.send(call).get(10, TimeUnit.SECONDS);

            // Then: a timeout, retried like any other, within about the request timeout
            assertThat(result.status()).isNull();
            assertThat(result.errorClass()).isEqualTo("timeout");
            assertThat(result.latencyMs()).isLessThan(5_000);
            release.countDown();
            serving.join(5_000);
        }
    }

    @Test
    void shouldClassifyATimeoutOfTheWholeExchangeAsTimeout() {
        assertThat(HttpSender.failure(new java.util.concurrent.TimeoutException(), java.time.Instant.now(), 1)
                        .errorClass())
                .isEqualTo("timeout");
    }
}

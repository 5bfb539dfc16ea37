/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https against a local Vert.x server whose certificate keytool makes for 127.0.0.1: HTTP/2 when the
 * server offers it by ALPN, HTTP/1.1 when it does not, and no answer at all from a server the
 * client's trust store does not know.
 */
class HttpSenderTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static Path keystore;
    private static Path certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = dir.resolve("localhost.p12");
        certificate = dir.resolve("localhost.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD);
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "localhost",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
    }

    @Test
    void shouldSpeakHttp2WhenTheServerOffersItByAlpn() throws Exception {
        try (LocalServer server = server(true);
                HttpSender sender = trusting()) {
            HttpResult result = sender.send(call(server)).get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.body()).isEqualTo("{\"ok\":true}");
            assertThat(server.seen()).singleElement().satisfies(s -> {
                assertThat(s.version()).isEqualTo(HttpVersion.HTTP_2);
                assertThat(s.headers().get("Idempotency-Key")).isEqualTo("m1");
                assertThat(s.body()).isEqualTo("{\"messageId\":\"m1\"}");
            });
        }
    }

    @Test
    void shouldSpeakHttp11WhenTheServerDoesNotOfferHttp2() throws Exception {
        try (LocalServer server = server(false);
                HttpSender sender = trusting()) {
            HttpResult result = sender.send(call(server)).get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(200);
            assertThat(server.seen()).singleElement().satisfies(s -> assertThat(s.version())
                    .isEqualTo(HttpVersion.HTTP_1_1));
        }
    }

    @Test
    void shouldFailTheCallAsRetryableIoWhenTheCertificateIsNotTrusted() throws Exception {
        // Given a sender with the JDK's trust store, which does not know the test certificate
        try (LocalServer server = server(true);
                HttpSender sender = new HttpSender("untrusted", Duration.ofSeconds(2), Duration.ofSeconds(5), 4)) {
            HttpResult result = sender.send(call(server)).get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isNull();
            assertThat(result.errorClass()).isEqualTo("io");
            assertThat(server.seen()).isEmpty();
        }
    }

    private static LocalServer server(boolean http2) {
        HttpServerOptions options = new HttpServerOptions()
                .setSsl(true)
                .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD))
                .setUseAlpn(http2)
                .setAlpnVersions(
                        http2 ? List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1) : List.of(HttpVersion.HTTP_1_1));
        return new LocalServer(options, req -> req.response().end("{\"ok\":true}"));
    }

    private static HttpSender trusting() {
        return new HttpSender(
                "tls",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                4,
                new PemTrustOptions().addCertPath(certificate.toString()));
    }

    private static HttpCall call(LocalServer server) {
        return new HttpCall(
                "POST",
                server.url("/hook"),
                Map.of("Idempotency-Key", "m1", "Content-Type", "application/json"),
                "{\"messageId\":\"m1\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}

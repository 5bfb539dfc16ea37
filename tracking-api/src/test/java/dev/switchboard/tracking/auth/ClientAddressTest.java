/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.1", "::1"));

    @Test
    void shouldUseThePeerWhenItIsNotATrustedProxy() {
        assertThat(behindProxies.resolve("203.0.113.5", "1.2.3.4")).isEqualTo("203.0.113.5");
        assertThat(new ClientAddress(List.of()).resolve("127.0.0.1", "1.2.3.4")).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldTakeTheFirstUntrustedHopFromTheRightWhenThePeerIsTrusted() {
        assertThat(behindProxies.resolve("10.1.1.1", "6.6.6.6, 198.51.100.7, 10.2.2.2"))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.resolve("::1", "198.51.100.8")).isEqualTo("198.51.100.8");
    }

    @Test
    void shouldStopAtGarbageWhenAHopIsNotAnAddress() {
        assertThat(behindProxies.resolve("192.168.1.1", "evil.example, 10.3.3.3"))
                .isEqualTo("10.3.3.3");
        assertThat(behindProxies.resolve("192.168.1.1", "not-an-ip")).isEqualTo("192.168.1.1");
    }

    @Test
    void shouldKeepTheLastTrustedHopWhenEveryHopIsTrusted() {
        assertThat(behindProxies.resolve("10.0.0.1", "10.0.0.2")).isEqualTo("10.0.0.2");
    }

    @Test
    void shouldMatchCidrBoundariesWhenCheckingTrust() {
        ClientAddress private12 = new ClientAddress(List.of("172.16.0.0/12"));
        assertThat(private12.isTrusted("172.31.255.255")).isTrue();
        assertThat(private12.isTrusted("172.32.0.0")).isFalse();
        assertThat(private12.isTrusted("172.15.255.255")).isFalse();
        // an IPv4-mapped IPv6 address is that IPv4 address
        assertThat(private12.isTrusted("::ffff:ac10:1")).isTrue();
        assertThat(private12.isTrusted("2001:db8::1")).isFalse();
    }

    @Test
    void shouldFailFastWhenAProxyEntryIsInvalid() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.options.Option;
import java.time.Duration;
import java.util.Optional;

/**
 * The optional {@code delivery:} block of a destination: per-destination overrides of the delivery
 * role's defaults. Every field may be left out; the delivery workers then use their own
 * configuration ({@code switchboard.delivery.*}): connect timeout 5 s, request timeout 10 s, retry
 * window 4 h, 64 requests in flight, no rate limit, per-user ordering off.
 *
 * <pre>{@code
 * delivery: { requestTimeout: 30s, retryWindow: 1h, maxInFlight: 8, ratePerSecond: 50, perUserOrdering: true }
 * }</pre>
 *
 * <p>Durations are ISO-8601 ({@code PT5S}) or a number with a unit ({@code 500ms}, {@code 5s},
 * {@code 10m}, {@code 4h}, {@code 1d}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryOptions(
        @JsonProperty("connectTimeout") String connectTimeout,
        @JsonProperty("requestTimeout") String requestTimeout,
        @JsonProperty("retryWindow") String retryWindow,
        @JsonProperty("maxInFlight") Integer maxInFlight,
        @JsonProperty("ratePerSecond") Double ratePerSecond,
        @JsonProperty("perUserOrdering") Boolean perUserOrdering) {

    private static final Option<Duration> DURATION = Option.key("delivery").durationType();

    public DeliveryOptions {
        parse("connectTimeout", connectTimeout);
        parse("requestTimeout", requestTimeout);
        parse("retryWindow", retryWindow);
        if (maxInFlight != null && maxInFlight < 1) {
            throw new IllegalArgumentException("delivery.maxInFlight must be at least 1, not " + maxInFlight);
        }
        if (ratePerSecond != null && !(ratePerSecond > 0)) {
            throw new IllegalArgumentException("delivery.ratePerSecond must be positive, not " + ratePerSecond);
        }
    }

    public Optional<Duration> connectTimeoutDuration() {
        return Optional.ofNullable(parse("connectTimeout", connectTimeout));
    }

    public Optional<Duration> requestTimeoutDuration() {
        return Optional.ofNullable(parse("requestTimeout", requestTimeout));
    }

    public Optional<Duration> retryWindowDuration() {
        return Optional.ofNullable(parse("retryWindow", retryWindow));
    }

    private static Duration parse(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return DURATION.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "delivery." + name + ": expected a duration such as 5s, 10m or 4h, not '" + text + "'");
        }
    }
}

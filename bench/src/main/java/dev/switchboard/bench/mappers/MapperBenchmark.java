/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.mappers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.mappers.api.PayloadInvalidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Events mapped per second, single thread (so per core): each op parses the event bytes (as the router
 * does) and maps them. {@link #baseline} parses and serializes the same bytes with Jackson; the ratio
 * map/baseline is what to compare across machines. Run through {@link MapperBenchmarkMain}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MapperBenchmark {

    /** An Order Completed with two products, as analytics.js sends it after enrichment. */
    static final String ORDER_COMPLETED =
            """
            {"type":"track","event":"Order Completed","userId":"user-42","anonymousId":"anon-9f1c",
             "properties":{"checkout_id":"fksdjfsdjfisjf9sdfjsd9f","order_id":"50314b8e9bcf000000000000",
              "affiliation":"Google Store","total":27.5,"subtotal":22.5,"revenue":25.0,"shipping":3,"tax":2,
              "discount":2.5,"coupon":"hasbros","currency":"USD","products":[
               {"product_id":"507f1f77bcf86cd799439011","sku":"45790-32","name":"Monopoly: 3rd Edition","price":19,
                "quantity":1,"category":"Games","brand":"Hasbro","variant":"classic"},
               {"product_id":"505bd76785ebb509fc183733","sku":"46493-32","name":"Uno Card Game","price":3,
                "quantity":2,"category":"Games"}]},
             "context":{"ip":"24.5.68.47","locale":"en-US","timezone":"Europe/Paris",
              "library":{"name":"analytics.js","version":"5.2.1"},
              "page":{"path":"/checkout","referrer":"https://google.com/","title":"Checkout","url":"https://example.com/checkout"},
              "userAgent":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15",
              "campaign":{"name":"spring_sale","source":"newsletter","medium":"email"}},
             "integrations":{},"messageId":"ajs-next-1714554000123-0001","timestamp":"2024-05-01T09:00:00.123Z",
             "originalTimestamp":"2024-05-01T09:00:00.123Z","sentAt":"2024-05-01T09:00:00.200Z",
             "receivedAt":"2024-05-01T09:00:00.350Z"}
            """;

    private final ObjectMapper json = new ObjectMapper();
    private byte[] event;
    private Target webhook;
    private Target mixpanel;
    private Target ga4;

    /** One destination type with the settings of one instance. */
    record Target(DestinationMapper mapper, MapperContext context) {}

    @Setup
    public void setUp() throws IOException {
        event = json.writeValueAsBytes(json.readTree(ORDER_COMPLETED));
        MapperRegistry registry = MapperRegistry.load();
        webhook = target(registry, "webhook", "{\"url\":\"http://127.0.0.1:9000/hook\",\"sharedSecret\":\"s3cr3t\"}");
        mixpanel = target(registry, "mixpanel", "{\"projectToken\":\"tok\",\"apiSecret\":\"sec\"}");
        ga4 = target(registry, "google-analytics-4", "{\"measurementId\":\"G-ABC123\",\"apiSecret\":\"sec\"}");
    }

    private Target target(MapperRegistry registry, String slug, String settings) throws IOException {
        DestinationMapper mapper =
                registry.find(slug).orElseThrow(() -> new IllegalStateException(slug + " is not on the class path"));
        ObjectNode values = mapper.settingsSchema().withDefaults((ObjectNode) json.readTree(settings));
        Target target = new Target(mapper, new MapperContext("bench-" + slug, values));
        if (map(target).isEmpty()) {
            throw new IllegalStateException(slug + " mapped the benchmark event to no request");
        }
        return target;
    }

    private List<MappedRequest> map(Target target) throws IOException {
        try {
            return target.mapper().map((ObjectNode) json.readTree(event), target.context());
        } catch (PayloadInvalidException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson parse + serialize of the same event: the yardstick. */
    @Benchmark
    public byte[] baseline() throws IOException {
        return json.writeValueAsBytes(json.readTree(event));
    }

    @Benchmark
    public List<MappedRequest> webhook() throws IOException {
        return map(webhook);
    }

    @Benchmark
    public List<MappedRequest> mixpanel() throws IOException {
        return map(mixpanel);
    }

    @Benchmark
    public List<MappedRequest> googleAnalytics4() throws IOException {
        return map(ga4);
    }

    /** The event size, for the report. */
    static int eventBytes() {
        return ORDER_COMPLETED.replaceAll("\\s*\\n\\s*", "").getBytes(StandardCharsets.UTF_8).length;
    }
}

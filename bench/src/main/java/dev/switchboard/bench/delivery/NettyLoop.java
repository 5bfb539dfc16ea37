/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Netty 4 used directly (the transport under Vert.x): {@code window} keep-alive channels on one
 * event loop, each posting its next body when the last answer is in. No pool, no URL parsing per
 * call: the lower bound of what a JVM client on Netty costs.
 */
final class NettyLoop {

    private NettyLoop() {}

    static double run(BenchServer server, String path, int n, int window) throws InterruptedException {
        URI uri = URI.create(server.url(path));
        EventLoopGroup group = new NioEventLoopGroup(1);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        try {
            Bootstrap b = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpClientCodec())
                                    .addLast(new HttpObjectAggregator(1 << 20))
                                    .addLast(new Lane(uri, n, next, done));
                        }
                    });
            List<Channel> channels = new ArrayList<>();
            for (int i = 0; i < window; i++) {
                channels.add(b.connect(uri.getHost(), uri.getPort()).sync().channel());
            }
            channels.forEach(ch -> ch.eventLoop().execute(() -> Lane.sendNext(ch, uri, n, next)));
            done.await(60, TimeUnit.SECONDS);
            return server.counter(path).rate();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** One connection: sends the next body whenever an answer arrives. */
    private static final class Lane extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final URI uri;
        private final int n;
        private final AtomicInteger next;
        private final CountDownLatch done;

        Lane(URI uri, int n, AtomicInteger next, CountDownLatch done) {
            this.uri = uri;
            this.n = n;
            this.next = next;
            this.done = done;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            done.countDown();
            sendNext(ctx.channel(), uri, n, next);
        }

        static void sendNext(Channel ch, URI uri, int n, AtomicInteger next) {
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            byte[] body = DeliveryBench.body("raw-" + i);
            FullHttpRequest request = new DefaultFullHttpRequest(
                    HttpVersion.HTTP_1_1, HttpMethod.POST, uri.getRawPath(), Unpooled.wrappedBuffer(body));
            request.headers()
                    .set(HttpHeaderNames.HOST, uri.getHost() + ":" + uri.getPort())
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set("Idempotency-Key", "raw-" + i);
            ch.writeAndFlush(request);
        }
    }
}

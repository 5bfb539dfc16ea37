/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.embedded;

import dev.switchboard.schemas.admin.TopicAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (combined broker and controller) running in this JVM. Data lives in the
 * given directory: formatted on first start, reused on the next. Topics are never auto-created:
 * every topic comes from {@link TopicAdmin}, as on a real cluster.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CONTROLLER = "CONTROLLER";

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private final boolean temporary;
    /** With SCRAM: the PLAINTEXT listener between the node and itself, and for {@link #addScramUser}. */
    private final int internalPort;

    private KafkaRaftServer server;

    private EmbeddedKafka(
            Path dataDir,
            int brokerPort,
            int controllerPort,
            Map<String, String> overrides,
            boolean temporary,
            int internalPort) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
        this.temporary = temporary;
        this.internalPort = internalPort;
    }

    /** A broker in {@code dataDir} on {@code brokerPort} (0 picks a free port). */
    public static EmbeddedKafka create(Path dataDir, int brokerPort) {
        return create(dataDir, brokerPort, Map.of());
    }

    /** As {@link #create(Path, int)}, with broker config overrides. */
    public static EmbeddedKafka create(Path dataDir, int brokerPort, Map<String, String> overrides) {
        int port = brokerPort == 0 ? freePort() : brokerPort;
        return new EmbeddedKafka(dataDir, port, freePort(), overrides, false, 0);
    }

    /** A broker in a fresh temporary directory, deleted on close (for tests). */
    public static EmbeddedKafka temporary() {
        try {
            Path dir = Files.createTempDirectory("switchboard-kafka-");
            return new EmbeddedKafka(dir, freePort(), freePort(), Map.of(), true, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A temporary broker whose {@link #bootstrapServers()} listener takes only SASL/SCRAM-SHA-512
     * clients ({@code security.protocol=SASL_PLAINTEXT}), as a secured cluster does; users come from
     * {@link #addScramUser}. ACLs are enforced (Kafka's StandardAuthorizer, nothing allowed without
     * one) for those users: {@link #addAcls}. The node talks to itself on a PLAINTEXT listener of its
     * own, whose anonymous principal is the super user.
     */
    public static EmbeddedKafka temporaryScram() {
        try {
            Path dir = Files.createTempDirectory("switchboard-kafka-scram-");
            return new EmbeddedKafka(dir, freePort(), freePort(), Map.of(), true, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats the data directory if needed, then starts the node and waits until it serves. */
    public EmbeddedKafka start() {
        Path logDir = dataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir);
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            format(config, logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            LOG.info("embedded Kafka serving at {} (data in {})", bootstrapServers(), dataDir.toAbsolutePath());
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates or updates a SCRAM-SHA-512 user (a broker from {@link #temporaryScram()} only) and
     * waits until the broker knows it.
     */
    public void addScramUser(String user, String password) {
        try (Admin admin = internalAdmin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeUserScramCredentials(List.of(user))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .containsKey(user)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("user " + user + " not visible after 30 s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding user " + user, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add SCRAM user " + user + ": " + e.getMessage(), e);
        }
    }

    /** Grants {@code acls} (a broker from {@link #temporaryScram()} only). */
    public void addAcls(Collection<AclBinding> acls) {
        try (Admin admin = internalAdmin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding ACLs", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add ACLs: " + e.getMessage(), e);
        }
    }

    private Admin internalAdmin() {
        if (internalPort == 0) {
            throw new IllegalStateException("not a SCRAM broker: use EmbeddedKafka.temporaryScram()");
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + internalPort);
        return Admin.create(p);
    }

    private Properties brokerProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        if (internalPort == 0) {
            p.put(
                    "listeners",
                    "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        } else {
            p.put(
                    "listeners",
                    "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",PLAINTEXT://127.0.0.1:" + internalPort + ","
                            + CONTROLLER + "://127.0.0.1:" + controllerPort);
            p.put(
                    "advertised.listeners",
                    "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",PLAINTEXT://127.0.0.1:" + internalPort);
            p.put(
                    "listener.security.protocol.map",
                    "SASL_PLAINTEXT:SASL_PLAINTEXT,PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
            p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            p.put(
                    "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.put("super.users", "User:ANONYMOUS");
            p.put("allow.everyone.if.no.acl.found", "false");
        }
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.putAll(overrides);
        return p;
    }

    private void format(KafkaConfig config, Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Formatter formatter = new Formatter()
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName(CONTROLLER)
                .setIgnoreFormatted(true)
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        formatter.run();
    }

    /** Shuts the node down and waits for it; a temporary broker also deletes its data. */
    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree; used for {@code --fresh} and temporary brokers. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

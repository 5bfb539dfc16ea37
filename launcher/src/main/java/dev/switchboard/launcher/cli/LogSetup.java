/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Every process's logging, set up in code rather than from a {@code logback.xml}: one line per event on
 * standard error, at {@code $SWITCHBOARD_LOG_LEVEL} (default {@code WARN}) for Switchboard and the root, and
 * {@code WARN} or quieter for the libraries' routine notices. Logback's XML configurator loads about 400
 * classes (its model, an XML parser) that every role and command would pay for at each start; this loads
 * none of them. A {@code -Dlogback.configurationFile} or a {@code logback-test.xml} on the class path still
 * wins: this configurator then steps aside. Registered in {@code META-INF/services}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The environment variable giving Switchboard's and the root's level. */
    public static final String LEVEL_VARIABLE = "SWITCHBOARD_LOG_LEVEL";

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    /** Libraries kept at these levels whatever the variable says (a single-node broker's routine notices). */
    static final Map<String, Level> LIBRARIES = Map.of(
            "org.apache.kafka", Level.WARN,
            "org.apache.kafka.controller", Level.ERROR,
            "org.apache.kafka.clients.NetworkClient", Level.ERROR,
            "kafka", Level.WARN,
            "state.change.logger", Level.WARN,
            "io.vertx", Level.WARN,
            "io.netty", Level.WARN);

    private final BooleanSupplier stepAside;
    private final Function<String, String> environment;

    /** The configurator logback's ServiceLoader makes. */
    public LogSetup() {
        this(
                () -> System.getProperty("logback.configurationFile") != null
                        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null,
                System::getenv);
    }

    LogSetup(BooleanSupplier stepAside, Function<String, String> environment) {
        this.stepAside = stepAside;
        this.environment = environment;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (stepAside.getAsBoolean()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(environment.apply(LEVEL_VARIABLE), Level.WARN));
        root.addAppender(stderr);
        LIBRARIES.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

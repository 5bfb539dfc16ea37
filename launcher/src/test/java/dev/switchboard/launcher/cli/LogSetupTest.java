/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    @Test
    void shouldLogToStandardErrorAtWarnWithTheLibrariesQuiet() {
        LoggerContext context = new LoggerContext();

        ExecutionStatus status = new LogSetup(() -> false, Map.<String, String>of()::get).configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<?>) root.getAppender("STDERR")).getTarget())
                .isEqualTo("System.err");
        assertThat(context.getLogger("org.apache.kafka.controller").getEffectiveLevel())
                .isEqualTo(Level.ERROR);
        assertThat(context.getLogger("dev.switchboard.router").getEffectiveLevel())
                .isEqualTo(Level.WARN);
    }

    @Test
    void shouldRaiseSwitchboardButNotTheLibrariesWithTheVariable() {
        LoggerContext context = new LoggerContext();

        new LogSetup(() -> false, Map.of(LogSetup.LEVEL_VARIABLE, "debug")::get).configure(context);

        assertThat(context.getLogger("dev.switchboard.delivery").getEffectiveLevel())
                .isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void shouldStepAsideForAConfigurationFile() {
        LoggerContext context = new LoggerContext();

        ExecutionStatus status = new LogSetup(() -> true, Map.<String, String>of()::get).configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
                .isNull();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import dev.switchboard.options.KafkaAccess;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to the cluster has: its place on the command line, {@code --kafka} and the
 * roles' client settings ({@code --set kafka.*=...}, {@code --properties FILE}).
 */
public abstract class ClusterCommand implements Callable<Integer> {

    /** The command as picocli parsed it: its output streams. */
    @Spec
    protected CommandSpec spec;

    /** {@code --kafka HOST:PORT}. */
    @Mixin
    protected KafkaOptions kafka;

    /** {@code --set kafka.*=...}, {@code --properties FILE}. */
    @Mixin
    protected RoleProperties properties;

    /** The cluster, with the roles' common {@code kafka.*} settings. */
    protected KafkaAccess access() {
        return kafka.access(properties);
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }
}

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.app;

import dev.switchboard.warehouse.LoaderConfig;
import dev.switchboard.warehouse.Warehouse;
import dev.switchboard.warehouse.load.Target;
import dev.switchboard.warehouse.load.WarehouseLoader;
import dev.switchboard.warehouse.postgres.PostgresUrl;
import dev.switchboard.warehouse.postgres.PostgresWarehouse;
import dev.switchboard.warehouse.schema.SchemaPlanner;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.ConfigSnapshot;
import dev.switchboard.workspace.ConfigView;
import dev.switchboard.workspace.config.WarehouseConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse role: one {@link WarehouseLoader} per warehouse, following the workspaces'
 * {@code warehouses:} sections live (a new one starts loading from the start of the archive, a
 * removed or changed one stops, after loading what it holds), plus an optional default warehouse
 * ({@code --warehouse-url}, and dev mode's embedded PostgreSQL) that loads every source.
 */
public final class WarehouseApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseApp.class);

    /** The id of the warehouse given on the command line. */
    public static final String DEFAULT_ID = "default";

    private final LoaderConfig config;
    private final String bootstrapServers;
    private final ConfigView configView;
    private final Target defaultTarget;
    private final MeterRegistry registry;
    private final Function<Target, Warehouse> warehouses;
    private final Map<String, WarehouseLoader> loaders = new ConcurrentHashMap<>();
    private final ExecutorService reconciler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sb-warehouse-config");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param configView the workspaces, or null to load only {@code defaultTarget}
     * @param defaultTarget a warehouse loading every source, or null
     */
    public WarehouseApp(
            LoaderConfig config,
            String bootstrapServers,
            ConfigView configView,
            Target defaultTarget,
            MeterRegistry registry) {
        this(config, bootstrapServers, configView, defaultTarget, registry, t -> postgres(config, t));
    }

    /** As above, with the warehouse each target is loaded into (tests wrap the real one). */
    public WarehouseApp(
            LoaderConfig config,
            String bootstrapServers,
            ConfigView configView,
            Target defaultTarget,
            MeterRegistry registry,
            Function<Target, Warehouse> warehouses) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.configView = configView;
        this.defaultTarget = defaultTarget;
        this.registry = registry;
        this.warehouses = warehouses;
    }

    /** The PostgreSQL warehouse of a target. */
    public static Warehouse postgres(LoaderConfig config, Target t) {
        return new PostgresWarehouse(
                PostgresUrl.parse(t.url(), t.user(), t.password()),
                new SchemaPlanner(config.get(LoaderConfig.COLUMN_BUDGET)),
                config.get(LoaderConfig.CONNECT_TIMEOUT));
    }

    /** A default warehouse loading every source of every workspace into {@code url}. */
    public static Target defaultTarget(String url) {
        return new Target(DEFAULT_ID, null, null, url, null, null);
    }

    public synchronized WarehouseApp start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        if (configView != null) {
            configView.onChange(snapshot -> reconciler.execute(() -> reconcile(snapshot)));
            reconciler.execute(() -> reconcile(configView.current()));
        } else {
            reconciler.execute(() -> reconcile(ConfigSnapshot.EMPTY));
        }
        return this;
    }

    /** Started, not closed, and every loader's thread running. */
    public boolean healthy() {
        return started && !closed && loaders.values().stream().allMatch(WarehouseLoader::healthy);
    }

    /** Healthy, and no warehouse failing its loads right now. */
    public boolean ready() {
        return healthy() && loaders.values().stream().allMatch(WarehouseLoader::ready);
    }

    /** The warehouses being loaded now. */
    public List<String> warehouses() {
        return List.copyOf(loaders.keySet());
    }

    /** Every warehouse the snapshot asks for, keyed {@code <workspace>/<id>} (the default: its id). */
    static Map<String, Target> targets(ConfigSnapshot snapshot, Target defaultTarget) {
        Map<String, Target> wanted = new HashMap<>();
        if (defaultTarget != null) {
            wanted.put(defaultTarget.id(), defaultTarget);
        }
        for (CompiledWorkspace compiled : snapshot.workspaces()) {
            WorkspaceConfig w = compiled.config();
            for (WarehouseConfig c : w.warehouses()) {
                if (c.enabled() && WarehouseConfig.POSTGRES.equals(c.type())) {
                    wanted.put(
                            w.workspace() + "/" + c.id(),
                            new Target(
                                    c.id(),
                                    w.workspace(),
                                    c.sources() == null ? null : new HashSet<>(c.sources()),
                                    c.url(),
                                    c.user(),
                                    c.password()));
                }
            }
        }
        return wanted;
    }

    private synchronized void reconcile(ConfigSnapshot snapshot) {
        if (closed) {
            return;
        }
        Map<String, Target> wanted = targets(snapshot, defaultTarget);
        for (String key : new ArrayList<>(loaders.keySet())) {
            if (!loaders.get(key).target().equals(wanted.get(key))) {
                LOG.info("stopping the load into warehouse {}", key);
                loaders.remove(key).close();
            }
        }
        wanted.forEach((key, target) -> loaders.computeIfAbsent(key, k -> {
            LOG.info("loading sb.events into warehouse {}", key);
            return new WarehouseLoader(target, warehouses.apply(target), config, bootstrapServers, registry).start();
        }));
    }

    /** Each loader loads what it holds and commits, in parallel. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reconciler.shutdown();
        try {
            reconciler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Thread> closing = new ArrayList<>();
        loaders.values().forEach(l -> {
            Thread t = new Thread(l::close, "sb-warehouse-close-" + l.target().id());
            t.start();
            closing.add(t);
        });
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loaders.clear();
    }
}

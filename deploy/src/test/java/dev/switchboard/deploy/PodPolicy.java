/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The project's rules for every pod a manifest starts: probes (long-running workloads), requests and
 * limits, pinned images, never root, a read-only root filesystem with an emptyDir for /tmp, no
 * capabilities, no service account token, no secret given as a plain value.
 */
final class PodPolicy {

    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Job");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|credential).*");
    private static final Pattern PINNED = Pattern.compile(".+(@sha256:[0-9a-f]{64}|:[A-Za-z0-9_][A-Za-z0-9_.-]*)$");

    private PodPolicy() {}

    /** What breaks a rule in every pod template of {@code resources}. */
    static List<String> problems(List<JsonNode> resources) {
        List<String> p = new ArrayList<>();
        for (JsonNode r : resources) {
            String kind = r.path("kind").asText();
            if (kind.equals("Secret")) {
                if (r.has("data") || r.has("stringData")) {
                    p.add(Rendered.id(r) + ": a Secret with values in a manifest; reference one created out of band");
                }
            }
            if (WORKLOADS.contains(kind)) {
                pod(Rendered.id(r), r.path("spec").path("template").path("spec"), !kind.equals("Job"), p);
            }
        }
        return p;
    }

    private static void pod(String id, JsonNode pod, boolean longRunning, List<String> p) {
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            p.add(id + ": automountServiceAccountToken must be false (no role talks to the Kubernetes API)");
        }
        if (pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)) {
            p.add(id + ": host namespaces");
        }
        if (pod.path("containers").isEmpty()) {
            p.add(id + ": no containers");
        }
        pod.path("initContainers").forEach(c -> container(id, c, pod, false, p));
        pod.path("containers").forEach(c -> container(id, c, pod, longRunning, p));
    }

    private static void container(String id, JsonNode c, JsonNode pod, boolean probed, List<String> p) {
        String at = id + " container " + c.path("name").asText();
        image(at, c.path("image").asText(), p);
        resources(at, c.path("resources"), p);
        if (probed) {
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                if (!c.has(probe)) {
                    p.add(at + ": no " + probe);
                }
            }
        }
        security(at, c.path("securityContext"), pod.path("securityContext"), p);
        tmp(at, c, pod, p);
        for (JsonNode env : c.path("env")) {
            if (env.has("value")
                    && SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                p.add(at + ": env " + env.path("name").asText() + " looks secret but has a plain value;"
                        + " use valueFrom.secretKeyRef");
            }
        }
    }

    private static void image(String at, String image, List<String> p) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (image.isBlank() || !PINNED.matcher(last).matches()) {
            p.add(at + ": image '" + image + "' is not pinned to a tag or digest");
        } else if (last.endsWith(":latest")) {
            p.add(at + ": image '" + image + "' uses the latest tag");
        }
    }

    private static void resources(String at, JsonNode resources, List<String> p) {
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(kind).path(resource).asText().isBlank()) {
                    p.add(at + ": no " + resource + " in " + kind);
                }
            }
        }
    }

    private static void security(String at, JsonNode sc, JsonNode pod, List<String> p) {
        boolean nonRoot =
                sc.path("runAsNonRoot").asBoolean(pod.path("runAsNonRoot").asBoolean(false));
        long user = sc.path("runAsUser").asLong(pod.path("runAsUser").asLong(-1));
        if (!nonRoot) {
            p.add(at + ": may run as root (runAsNonRoot is not true)");
        }
        if (user == 0) {
            p.add(at + ": runs as user 0");
        }
        if (sc.path("privileged").asBoolean(false)) {
            p.add(at + ": privileged");
        }
        if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
            p.add(at + ": allowPrivilegeEscalation is not false");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            p.add(at + ": writable root filesystem (readOnlyRootFilesystem is not true)");
        }
        boolean dropsAll = false;
        for (JsonNode cap : sc.path("capabilities").path("drop")) {
            dropsAll |= cap.asText().equals("ALL");
        }
        if (!dropsAll || sc.path("capabilities").path("add").size() > 0) {
            p.add(at + ": capabilities must drop ALL and add none");
        }
    }

    private static void tmp(String at, JsonNode c, JsonNode pod, List<String> p) {
        for (JsonNode mount : c.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                for (JsonNode v : pod.path("volumes")) {
                    if (v.path("name").asText().equals(mount.path("name").asText()) && v.has("emptyDir")) {
                        return;
                    }
                }
            }
        }
        p.add(at + ": no emptyDir mounted at /tmp (the JVM, RocksDB and Vert.x write there)");
    }
}

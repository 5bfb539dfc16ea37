/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkers catch what they are for: each rule broken once, and a model's unknown field. */
class PodPolicyTest {

    private static final String CARELESS =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: careless}
            spec:
              selector: {matchLabels: {app: careless}}
              template:
                metadata: {labels: {app: careless}}
                spec:
                  containers:
                    - name: app
                      image: ghcr.io/example/app:latest
                      env:
                        - {name: API_TOKEN, value: hunter2}
                      resources:
                        requests: {cpu: 100m}
                      securityContext:
                        runAsUser: 0
                    - name: sidecar
                      image: ghcr.io/example/sidecar
                      resources:
                        requests: {cpu: 100m, memory: 64Mi}
                        limits: {cpu: 100m, memory: 64Mi}
                      livenessProbe: {httpGet: {path: /healthz, port: 8080}}
                      readinessProbe: {httpGet: {path: /readyz, port: 8080}}
                      startupProbe: {httpGet: {path: /healthz, port: 8080}}
                      securityContext:
                        runAsNonRoot: true
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: leaked}
            stringData: {password: hunter2}
            """;

    @Test
    void shouldReportEveryBrokenRuleWhenAPodIsCareless() {
        List<String> problems =
                PodPolicy.problems(Rendered.parse("test", CARELESS).resources());
        assertThat(problems)
                .anyMatch(p -> p.contains("container app") && p.contains("latest tag"))
                .anyMatch(p -> p.contains("container sidecar") && p.contains("not pinned"))
                .anyMatch(p -> p.contains("container app: no livenessProbe"))
                .anyMatch(p -> p.contains("container app: no memory in requests"))
                .anyMatch(p -> p.contains("container app: no cpu in limits"))
                .anyMatch(p -> p.contains("container app: may run as root"))
                .anyMatch(p -> p.contains("container app: runs as user 0"))
                .anyMatch(p -> p.contains("container app: writable root filesystem"))
                .anyMatch(p -> p.contains("container app: capabilities must drop ALL"))
                .anyMatch(p -> p.contains("container app: no emptyDir mounted at /tmp"))
                .anyMatch(p -> p.contains("env API_TOKEN"))
                .anyMatch(p -> p.contains("automountServiceAccountToken"))
                .anyMatch(p -> p.contains("Secret leaked: a Secret with values"));
        assertThat(problems).noneMatch(p -> p.contains("container sidecar") && p.contains("Probe"));
    }

    @Test
    void shouldReportAnUnknownFieldWhereverItIsWhenReadStrictly() {
        var rendered = Rendered.parse(
                "test",
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  selector: {matchLabels: {app: typo}}
                  template:
                    metadata: {labels: {app: typo}}
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          readinessProbe: {httpGet: {path: /readyz, port: 8080}, periodSecond: 2}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 1, replicas: 1, retention: 1}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: s}
                spec:
                  scaleTargetRef: {name: x}
                  maxReplicas: 3
                  triggers: [{type: kafka, metadata: {bootstrapServers: b, consumerGroup: g, lagThreshold: 10}}]
                ---
                apiVersion: apps/v1beta1
                kind: Deployment
                metadata: {name: old}
                """);
        List<String> problems = new java.util.ArrayList<>();
        rendered.resources().forEach(r -> problems.addAll(StrictModels.problems(r)));
        assertThat(problems)
                .anyMatch(p -> p.contains("Deployment typo") && p.contains("periodSecond"))
                .anyMatch(p -> p.contains("KafkaTopic t") && p.contains("retention"))
                .anyMatch(p -> p.contains("ScaledObject s") && p.contains("maxReplicas"))
                .anyMatch(p -> p.contains("lagThreshold: must be a string"))
                .anyMatch(p -> p.contains("Deployment old: no model for apps/v1beta1/Deployment"));
    }
}

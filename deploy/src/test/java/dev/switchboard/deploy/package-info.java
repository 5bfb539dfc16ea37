/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Offline validation of {@code deploy/}: every overlay rendered by a real kustomize, every resource
 * read strictly into the Kubernetes (fabric8), Strimzi and KEDA models, the pods checked against the
 * project's rules, and the Strimzi topics, users and KEDA bounds checked against the code.
 */
package dev.switchboard.deploy;

/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A read before the write, for vendors without a create-or-update call (Intercom's contacts): the
 * delivery worker first sends {@code request}, reads {@code found} from its JSON answer, and then sends
 * either the mapped request, with {@link #MARKER} in its URL replaced by the value found, or
 * {@code otherwise} when nothing was found. Both calls are one attempt: one timeout, one retry, one outcome.
 *
 * @param request the lookup call (e.g. {@code POST /contacts/search})
 * @param found where the value is in the lookup's answer ({@code $}, then {@code .key}, {@code .*} or
 *     {@code [*]} steps); found when the path reaches exactly one text or number
 * @param notFound statuses of the lookup answer that mean "none" (e.g. 404); a 2xx whose path reaches
 *     nothing means none too
 * @param otherwise the call sent when nothing was found (e.g. {@code POST /contacts})
 * @param retry statuses of the write's answer that retry the whole exchange (Intercom's 409 when a contact
 *     its search did not yet index exists)
 */
public record Lookup(Call request, String found, List<Integer> notFound, Call otherwise, List<Integer> retry) {

    /** What stands for the value found in the mapped request's URL. */
    public static final String MARKER = "{lookup}";

    public Lookup {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(otherwise, "otherwise");
        notFound = List.copyOf(notFound);
        retry = List.copyOf(retry);
    }

    /**
     * One call of the exchange, rendered like a mapped request.
     *
     * @param method HTTP method, upper case
     * @param url absolute URL
     * @param headers request headers (including auth)
     * @param body request body bytes
     */
    public record Call(String method, String url, Map<String, String> headers, byte[] body) {

        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }
    }
}

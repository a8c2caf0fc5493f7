package dev.orderflow.adapters.rest;

import dev.orderflow.application.port.in.ExpectedVersion;
import dev.orderflow.domain.Order;
import java.util.regex.Pattern;

/**
 * The order's version as an HTTP entity tag ({@code "3"}), and the conditional request headers that use it.
 * Weak tags ({@code W/"3"}) are read as the same version: the tag names a version, not a byte sequence, so
 * an intermediary that weakens it changes nothing that matters here.
 */
final class EntityTags {

    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final int MAX_HEADER = 1024;

    private EntityTags() {
    }

    static String of(Order order) {
        return "\"" + order.version() + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for: any when it is absent or {@code *}. Throws
     * {@link InvalidRequest} unless it names one entity tag this API issued.
     */
    static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return ExpectedVersion.any();
        }
        var matcher = TAG.matcher(ifMatch.strip());
        long version = matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
        if (version < 1) {
            throw InvalidRequest.of(Problem.FieldError.header(IF_MATCH,
                    "must be one entity tag from an ETag header, such as \"3\", or *"));
        }
        return ExpectedVersion.exactly(version);
    }

    /** Whether an {@code If-None-Match} header names the order's current version (or is {@code *}). */
    static boolean matchesNone(String ifNoneMatch, Order order) {
        if (ifNoneMatch == null || ifNoneMatch.length() > MAX_HEADER) {
            return false;
        }
        for (var tag : ifNoneMatch.split(",")) {
            var candidate = tag.strip();
            if (candidate.equals("*")) {
                return true;
            }
            var matcher = TAG.matcher(candidate);
            if (matcher.matches() && Long.parseLong(matcher.group(1)) == order.version()) {
                return true;
            }
        }
        return false;
    }
}

package dev.bookshop.bootstrap.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed, validated reads of configuration variables; every refusal names the variable and the value it got. */
final class Environment {

    private final Map<String, String> values;

    Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, raw.get(), "an integer from " + min + " to " + max);
        }
    }

    boolean bool(String name, boolean fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw invalid(name, raw.get(), "true or false");
        };
    }

    Duration duration(String name, Duration fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            Duration value = Duration.parse(raw.get());
            if (value.isNegative() || value.isZero()) {
                throw invalid(name, raw.get(), "a positive ISO-8601 duration such as PT15M or P30D");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw invalid(name, raw.get(), "a positive ISO-8601 duration such as PT15M or P30D");
        }
    }

    String oneOf(String name, String fallback, Set<String> allowed) {
        String value = string(name, fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw invalid(
                    name,
                    value,
                    "one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** A duration from {@code min} to {@code max}, both included (zero allowed when {@code min} is zero). */
    Duration duration(String name, Duration fallback, Duration min, Duration max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String expected = "an ISO-8601 duration from " + min + " to " + max;
        try {
            Duration value = Duration.parse(raw.get());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw invalid(name, raw.get(), expected);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw invalid(name, raw.get(), expected);
        }
    }

    static ConfigurationException invalid(String name, String value, String expected) {
        return new ConfigurationException(name + " must be " + expected + ", got '" + value + "'");
    }
}

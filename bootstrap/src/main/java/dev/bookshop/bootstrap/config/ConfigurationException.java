package dev.bookshop.bootstrap.config;

/** A configuration value the server cannot start with; the message names the variable in one line. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}

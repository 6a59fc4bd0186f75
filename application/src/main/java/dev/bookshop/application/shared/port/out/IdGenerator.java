package dev.bookshop.application.shared.port.out;

import java.util.UUID;

/** New identifiers for new things. */
public interface IdGenerator {

    UUID newId();

    /** Random (version 4) UUIDs from the JDK. */
    static IdGenerator random() {
        return UUID::randomUUID;
    }
}

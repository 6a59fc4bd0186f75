package dev.bookshop.architecture;

import java.util.List;

/**
 * Where each part of the hexagon lives under one root package. The production code uses {@code dev.bookshop}; the
 * deliberately broken fixture mimics the same layout under its own root, so one set of rules judges both.
 */
public record Layout(String root) {

    public static final Layout BOOKSHOP = new Layout("dev.bookshop");

    /** The persistence sub-packages that are adapters in their own right and must not lean on each other. */
    static final List<String> PERSISTENCE_ADAPTERS = List.of("memory", "jooq", "jpa");

    String domain() {
        return root + ".domain..";
    }

    String domainFeature() {
        return root + ".domain.(*)..";
    }

    String application() {
        return root + ".application..";
    }

    String inPorts() {
        return root + ".application.*.port.in..";
    }

    String outPorts() {
        return root + ".application.*.port.out..";
    }

    String queries() {
        return root + ".application.*.query..";
    }

    String services() {
        return root + ".application.*.service..";
    }

    String adapters() {
        return root + ".adapters..";
    }

    /** The package prefix of every adapter, without the trailing {@code ..}. */
    String adaptersPrefix() {
        return root + ".adapters.";
    }

    String web() {
        return root + ".adapters.web..";
    }

    String persistence() {
        return root + ".adapters.persistence..";
    }

    String payments() {
        return root + ".adapters.payments..";
    }

    String password() {
        return root + ".adapters.password..";
    }

    String mail() {
        return root + ".adapters.mail..";
    }

    String bootstrap() {
        return root + ".bootstrap..";
    }

    /** Every package a class of the project may live in: a class anywhere else escapes every rule. */
    List<String> knownPackages() {
        return List.of(domain(), application(), web(), persistence(), payments(), mail(), password(), bootstrap());
    }
}

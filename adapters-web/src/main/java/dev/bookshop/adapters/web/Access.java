package dev.bookshop.adapters.web;

import io.javalin.security.RouteRole;

/** Who may call a route: anyone, any signed-in user, or administrators only. */
public enum Access implements RouteRole {
    PUBLIC,
    CUSTOMER,
    ADMIN
}

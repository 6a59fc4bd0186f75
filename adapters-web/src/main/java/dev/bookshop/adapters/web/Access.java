package dev.bookshop.adapters.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route: anyone, any signed-in user, administrators only, or, for the cart's routes, a signed-in user
 * or the holder of a guest cart token.
 */
public enum Access implements RouteRole {
    PUBLIC,
    CUSTOMER,
    ADMIN,
    CART
}

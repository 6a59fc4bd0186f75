package dev.bookshop.domain.user;

/** What an account may do: customers shop, admins also run the shop. */
public enum Role {
    USER,
    ADMIN
}

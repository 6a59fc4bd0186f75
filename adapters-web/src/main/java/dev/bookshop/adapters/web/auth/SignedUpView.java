package dev.bookshop.adapters.web.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.bookshop.adapters.web.cart.CartMergeView;

/** The answer to signup: the new account, and what became of the guest cart it was sent with, if any. */
record SignedUpView(
        @JsonUnwrapped UserView user,
        @JsonInclude(JsonInclude.Include.NON_NULL) CartMergeView cartMerge) {}

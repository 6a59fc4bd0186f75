package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.UserId;

/** Data portability: everything the shop keeps about the caller, in one answer. */
public interface ExportAccountDataUseCase {
    AccountExport exportAccount(UserId userId);
}

package dev.bookshop.application.discount.service;

import dev.bookshop.application.discount.port.in.AdminDiscountsUseCase;
import dev.bookshop.application.discount.port.in.DiscountDefinition;
import dev.bookshop.application.discount.port.out.DiscountCodeRepository;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.discount.DiscountCode;
import dev.bookshop.domain.discount.DiscountCodeId;
import dev.bookshop.domain.discount.DiscountCodeNotFoundException;
import dev.bookshop.domain.discount.DiscountCodeTakenException;
import dev.bookshop.domain.discount.DiscountKind;
import dev.bookshop.domain.discount.DiscountTerms;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The admin's discount codes. The terms check their own rules; a refusal names the field it is about. */
public final class AdminDiscountService implements AdminDiscountsUseCase {

    private final TransactionRunner transactions;
    private final DiscountCodeRepository codes;
    private final Actors actors;
    private final IdGenerator ids;
    private final Clock clock;

    public AdminDiscountService(
            TransactionRunner transactions, DiscountCodeRepository codes, Actors actors, IdGenerator ids, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.codes = Objects.requireNonNull(codes);
        this.actors = Objects.requireNonNull(actors);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public List<DiscountCode> listDiscounts(UserId actor) {
        actors.requireAdmin(actor);
        return codes.findAll();
    }

    @Override
    public DiscountCode createDiscount(UserId actor, DiscountDefinition definition) {
        actors.requireAdmin(actor);
        DiscountTerms terms = terms(
                required(definition.code(), "code"),
                kind(required(definition.kind(), "kind")),
                required(definition.value(), "value"),
                definition.minSubtotal().orElse(Optional.empty()),
                definition.startsAt().orElse(Optional.empty()),
                definition.endsAt().orElse(Optional.empty()),
                definition.maxRedemptions().orElse(Optional.empty()),
                definition.maxPerCustomer().orElse(Optional.empty()),
                definition.active().orElse(true));
        DiscountCode created = DiscountCode.create(DiscountCodeId.of(ids.newId()), terms, clock.instant());
        if (!transactions.inTransaction(() -> codes.insertIfCodeFree(created))) {
            throw new DiscountCodeTakenException(created.code());
        }
        return created;
    }

    @Override
    public DiscountCode updateDiscount(UserId actor, DiscountCodeId id, DiscountDefinition changes) {
        actors.requireAdmin(actor);
        return transactions.inTransaction(() -> {
            DiscountCode current = codes.findByIdForUpdate(id).orElseThrow(() -> new DiscountCodeNotFoundException(id));
            DiscountTerms was = current.terms();
            DiscountTerms terms = terms(
                    changes.code().orElse(was.code()),
                    changes.kind().map(AdminDiscountService::kind).orElse(was.kind()),
                    changes.value().orElse(was.value()),
                    changes.minSubtotal().orElse(was.minSubtotal()),
                    changes.startsAt().orElse(was.startsAt()),
                    changes.endsAt().orElse(was.endsAt()),
                    changes.maxRedemptions().orElse(was.maxRedemptions()),
                    changes.maxPerCustomer().orElse(was.maxPerCustomer()),
                    changes.active().orElse(was.active()));
            DiscountCode changed = current.redefine(terms);
            if (!changed.equals(current) && !codes.updateIfCodeFree(changed)) {
                throw new DiscountCodeTakenException(changed.code());
            }
            return changed;
        });
    }

    private static DiscountTerms terms(
            String code,
            DiscountKind kind,
            long value,
            Optional<dev.bookshop.domain.common.Money> minSubtotal,
            Optional<java.time.Instant> startsAt,
            Optional<java.time.Instant> endsAt,
            Optional<Integer> maxRedemptions,
            Optional<Integer> maxPerCustomer,
            boolean active) {
        return ValidationException.field(
                "code",
                () -> new DiscountTerms(
                        code, kind, value, minSubtotal, startsAt, endsAt, maxRedemptions, maxPerCustomer, active));
    }

    private static DiscountKind kind(String kind) {
        try {
            return DiscountKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("kind", "must be PERCENT or AMOUNT");
        }
    }

    private static <T> T required(Optional<T> value, String field) {
        return value.orElseThrow(() -> ValidationException.of(field, "is required"));
    }
}

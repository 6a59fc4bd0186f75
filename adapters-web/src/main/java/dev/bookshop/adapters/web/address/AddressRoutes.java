package dev.bookshop.adapters.web.address;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.application.address.port.in.AddAddressUseCase;
import dev.bookshop.application.address.port.in.ChangeAddressUseCase;
import dev.bookshop.application.address.port.in.ListAddressesUseCase;
import dev.bookshop.application.address.port.in.RemoveAddressUseCase;
import dev.bookshop.domain.address.AddressChanges;
import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/** The signed-in customer's address book: {@code /api/v1/users/me/addresses}. */
public final class AddressRoutes {

    private static final String BOOK = "/api/v1/users/me/addresses";

    /** The body's fields, in the order a refusal names them. */
    private static final List<String> FIELDS =
            List.of("name", "line1", "line2", "city", "postalCode", "region", "country", "phone");

    private final ListAddressesUseCase list;
    private final AddAddressUseCase add;
    private final ChangeAddressUseCase change;
    private final RemoveAddressUseCase remove;
    private final ObjectMapper json;

    public AddressRoutes(
            ListAddressesUseCase list,
            AddAddressUseCase add,
            ChangeAddressUseCase change,
            RemoveAddressUseCase remove,
            ObjectMapper json) {
        this.list = list;
        this.add = add;
        this.change = change;
        this.remove = remove;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(BOOK, this::list, Access.CUSTOMER);
        routes.post(BOOK, this::add, Access.CUSTOMER);
        routes.patch(BOOK + "/{id}", this::change, Access.CUSTOMER);
        routes.delete(BOOK + "/{id}", this::remove, Access.CUSTOMER);
    }

    private void list(Context ctx) {
        var caller = Authenticator.caller(ctx);
        ctx.json(list.listAddresses(caller.userId()).stream()
                .map(AddressView::of)
                .toList());
    }

    private void add(Context ctx) {
        var caller = Authenticator.caller(ctx);
        PostalAddress address = read(JsonBody.read(ctx, json));
        SavedAddress saved = add.addAddress(caller.userId(), address);
        ctx.header("Location", BOOK + "/" + saved.id());
        ctx.status(HttpStatus.CREATED).json(AddressView.of(saved));
    }

    /**
     * Reads an address written out in full, as the book's entries and a checkout's inline address are: a field that is
     * not a string is malformed (400); every broken rule is named at once (422).
     */
    public static PostalAddress read(JsonBody body) {
        List<Optional<String>> texts = texts(body);
        Violations violations = new Violations();
        PostalAddress address = violations.field(
                "address",
                () -> PostalAddress.of(
                        text(texts, 0),
                        text(texts, 1),
                        text(texts, 2),
                        text(texts, 3),
                        text(texts, 4),
                        text(texts, 5),
                        text(texts, 6),
                        text(texts, 7)));
        violations.throwIfAny();
        return address;
    }

    /** Absent and null fields keep what is there; an empty string clears an optional field. */
    private void change(Context ctx) {
        var caller = Authenticator.caller(ctx);
        AddressId id = AddressId.of(PathIds.uuid(ctx, "id"));
        List<Optional<String>> texts = texts(JsonBody.read(ctx, json));
        AddressChanges changes = new AddressChanges(
                texts.get(0),
                texts.get(1),
                texts.get(2),
                texts.get(3),
                texts.get(4),
                texts.get(5),
                texts.get(6),
                texts.get(7));
        ctx.json(AddressView.of(change.changeAddress(caller.userId(), id, changes)));
    }

    private void remove(Context ctx) {
        var caller = Authenticator.caller(ctx);
        remove.removeAddress(caller.userId(), AddressId.of(PathIds.uuid(ctx, "id")));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** Every field as text, in {@link #FIELDS} order; a field that is not a string is malformed (400). */
    private static List<Optional<String>> texts(JsonBody body) {
        Violations violations = new Violations();
        List<Optional<String>> texts = FIELDS.stream()
                .map(field -> violations.field(field, () -> body.text(field)))
                .toList();
        violations.throwIfAny();
        return texts;
    }

    private static String text(List<Optional<String>> texts, int index) {
        return texts.get(index).orElse(null);
    }
}

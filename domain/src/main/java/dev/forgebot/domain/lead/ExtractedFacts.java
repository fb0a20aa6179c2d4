package dev.forgebot.domain.lead;

import java.util.Objects;
import java.util.Optional;

/**
 * Contact facts found in customer text; each is empty when the text did not state it.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>The constructor throws {@link NullPointerException} if a component is null (use {@link Optional#empty()}).
 */
public record ExtractedFacts(
        Optional<PersonName> name,
        Optional<EmailAddress> email,
        Optional<PhoneNumber> phone,
        Optional<CompanyName> company) {

    private static final ExtractedFacts NONE =
            new ExtractedFacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ExtractedFacts {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(email, "email must not be null");
        Objects.requireNonNull(phone, "phone must not be null");
        Objects.requireNonNull(company, "company must not be null");
    }

    /** Returns facts with every field empty. */
    public static ExtractedFacts none() {
        return NONE;
    }

    /** Returns whether no field is present. */
    public boolean isEmpty() {
        return name.isEmpty() && email.isEmpty() && phone.isEmpty() && company.isEmpty();
    }

    /**
     * Merges field by field, treating {@code this} as the newer facts: a field present here wins,
     * otherwise {@code older}'s value is kept.
     */
    public ExtractedFacts orElse(ExtractedFacts older) {
        Objects.requireNonNull(older, "older facts must not be null");
        return new ExtractedFacts(
                name.or(older::name),
                email.or(older::email),
                phone.or(older::phone),
                company.or(older::company));
    }
}

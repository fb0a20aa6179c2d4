package dev.forgebot.domain.lead;

import java.util.Objects;
import java.util.Optional;

/**
 * What is known about how to reach and address a customer.
 *
 * @param displayName the name the channel shows (a Telegram first and last name), if any
 * @param name        the name the customer gave
 * @param email       an email address the customer gave
 * @param phone       a phone number the customer gave or shared
 * @param company     the company the customer works for
 */
public record ContactFacts(
        Optional<String> displayName,
        Optional<PersonName> name,
        Optional<EmailAddress> email,
        Optional<PhoneNumber> phone,
        Optional<CompanyName> company) {

    /** Longest display name kept. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;

    public ContactFacts {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(company, "company");
        displayName = displayName.map(String::strip).filter(s -> !s.isEmpty());
        if (displayName.isPresent() && displayName.get().length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("display name is longer than " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
    }

    /** Nothing known. */
    public static ContactFacts none() {
        return new ContactFacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Only the channel's display name known. */
    public static ContactFacts displayedAs(String displayName) {
        return none().withDisplayName(displayName);
    }

    /** The same facts with another display name; a blank one is no display name. */
    public ContactFacts withDisplayName(String newDisplayName) {
        return new ContactFacts(Optional.ofNullable(newDisplayName), name, email, phone, company);
    }

    /** These facts updated with newer ones: each fact the newer set has replaces the one known. */
    public ContactFacts merge(ExtractedFacts newer) {
        return new ContactFacts(
                displayName,
                newer.name().or(() -> name),
                newer.email().or(() -> email),
                newer.phone().or(() -> phone),
                newer.company().or(() -> company));
    }

    /** Whether the business has a way to reach the customer outside the chat. */
    public boolean isReachableOffChannel() {
        return email.isPresent() || phone.isPresent();
    }

    /** The best name to address the customer by, if any. */
    public Optional<String> preferredName() {
        return name.map(PersonName::value).or(() -> displayName);
    }

    @Override
    public String toString() {
        // Personal data stays out of logs: say which facts are known, not what they are.
        return "ContactFacts[displayName=" + displayName.isPresent() + ", name=" + name.isPresent() + ", email="
                + email.isPresent() + ", phone=" + phone.isPresent() + ", company=" + company.isPresent() + "]";
    }
}

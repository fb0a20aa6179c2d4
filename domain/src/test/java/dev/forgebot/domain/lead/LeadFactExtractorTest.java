package dev.forgebot.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeadFactExtractorTest {

    private static Optional<String> email(String text) {
        return LeadFactExtractor.extract(text).email().map(EmailAddress::value);
    }

    private static Optional<String> phone(String text) {
        return LeadFactExtractor.extract(text).phone().map(PhoneNumber::normalized);
    }

    private static Optional<String> name(String text) {
        return LeadFactExtractor.extract(text).name().map(PersonName::value);
    }

    private static Optional<String> company(String text) {
        return LeadFactExtractor.extract(text).company().map(CompanyName::value);
    }

    @Nested
    class Emails {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "write to (jo.doe+x@acme.co.uk).  | jo.doe+x@acme.co.uk",
                "contact <a@b.io> please          | a@b.io",
                "mail:a@b.io, thanks               | a@b.io",
                "send it to legal@globex.com.      | legal@globex.com",
        })
        void excludesSurroundingPunctuationFromEmail(String text, String expected) {
            assertThat(email(text)).contains(expected);
        }

        @Test
        void findsEmailWithZeroWidthSpaceInside() {
            assertThat(email("email jo\u200Bhn@acme.com")).contains("john@acme.com");
        }

        @Test
        void lowerCasesDomainButKeepsLocalPartCase() {
            assertThat(email("my email is JOHN.DOE@ACME.COM")).contains("JOHN.DOE@acme.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"bob@@example.com", "john@localhost", "user@exa_mple.com", "user@-example.com", "a@b"})
        void skipsObviouslyInvalidEmail(String text) {
            assertThat(email(text)).isEmpty();
        }

        @Test
        void takesFirstValidEmailAfterAnInvalidOne() {
            assertThat(email("old: x@y, new: x@y.org")).contains("x@y.org");
        }
    }

    @Nested
    class Phones {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "call +1 (415) 555-0132        | +14155550132",
                "office +44 20 7946 0958       | +442079460958",
                "Berlin +49-30-901820          | +4930901820",
                "tel 00 33 1 42 68 53 00       | +33142685300",
                "fax +44 (0)20 7946 0000       | +442079460000",
                "tel:+14155550132              | +14155550132",
        })
        void normalisesInternationalPhoneToPlusAndDigits(String text, String expected) {
            assertThat(phone(text)).contains(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "phone (415) 555-0132      | 4155550132",
                "cell 415.555.0132         | 4155550132",
                "ring me on 020 7946 0958  | 02079460958",
                "call me: 555-0132         | 5550132",
                "reach me at 4155550132    | 4155550132",
        })
        void keepsLocalPhoneAsDigitsWithTrunkPrefix(String text, String expected) {
            assertThat(phone(text)).contains(expected);
        }

        @Test
        void findsPhoneNextToOrderNumberWithoutMergingDigits() {
            assertThat(phone("order 12345, call 415-555-0132")).contains("4155550132");
        }

        @Test
        void splitsSpaceSeparatedOrderNumberFromDashedPhone() {
            assertThat(phone("order 12345 415-555-0132")).contains("4155550132");
        }

        @Test
        void findsPhoneWithZeroWidthSpaceInside() {
            assertThat(phone("my phone is 415\u200B-555-0132")).contains("4155550132");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "ref 2024-11-30",
                "meet at 14:30 on 12/03/2025",
                "IBAN DE89 3704 0044 0532 0130 00",
                "card 4111 1111 1111 1111",
                "the invoice was $1,200.00",
                "Order number 100200300400",
                "SKU 4006381333931",
                "we have 2 500 000 users",
                "server 192.168.100.200",
                "Invoice INV-2024-000123",
                "error 0x80070005",
                "12345678901234567890",
                "price 1.234.567,00 EUR",
                "seasons 2019-2020",
        })
        void doesNotTakeOtherNumbersForPhones(String text) {
            assertThat(phone(text)).isEmpty();
        }

        @Test
        void rejectsPhoneOutsideSevenToFifteenDigits() {
            assertThat(phone("call 555-013")).isEmpty();
            assertThat(phone("call +1 415 555 0132 9999 88")).isEmpty();
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Hi, my name is John Smith and I'd like a quote | John Smith",
                "I'm Priya, CTO at Initech                       | Priya",
                "I am Grace Hopper.                              | Grace Hopper",
                "Hello, this is Anna from Globex                 | Anna",
                "Dave here, the printer keeps jamming            | Dave",
                "name: Olga Petrova                              | Olga Petrova",
                "Hi, it's Ben from Hooli                         | Ben",
                "Thanks, Maria                                   | Maria",
                "I am Dr. Alan Turing                            | Alan Turing",
                "This is Liam O'Connor with Acme Logistics       | Liam O'Connor",
        })
        void findsNameInCommonSelfIntroductions(String text, String expected) {
            assertThat(name(text)).contains(expected);
        }

        @Test
        void findsNameInSignatureOnItsOwnLine() {
            assertThat(name("Could you send me the brochure?\n\nBest,\nTom Baker")).contains("Tom Baker");
        }

        @Test
        void titleCasesLowerCaseNameGivenExplicitly() {
            assertThat(name("my name is john smith, call me")).contains("John Smith");
        }

        @Test
        void keepsTypographicApostropheFormOfIm() {
            assertThat(name("Hi, I\u2019m Chloe")).contains("Chloe");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "I'm interested in your pricing",
                "I am looking for a bulk discount",
                "I'm Interested in the premium plan",
                "I'm Dutch and need an English manual",
                "I'm the CTO at Initech",
                "It's urgent, our site is down",
                "It's Broken again!!",
                "Hi Sarah, thanks for the help",
                "Thanks, looking forward to hearing from you",
                "This is ridiculous",
                "Anyone here?",
        })
        void findsNoNameWhenTextOnlyLooksLikeAnIntroduction(String text) {
            assertThat(name(text)).isEmpty();
        }
    }

    @Nested
    class Companies {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "I work at Wayne Enterprises and we need 20 licences | Wayne Enterprises",
                "I work for Stark Industries, please send an invoice | Stark Industries",
                "this is Anna from Globex. Can we book a demo?      | Globex",
                "Our company is Umbrella Health and we have 40 staff | Umbrella Health",
                "company: Vandelay Industries                        | Vandelay Industries",
                "We're a small team at Pied Piper Inc. looking       | Pied Piper Inc",
                "I'm the CTO at Initech and we are evaluating tools  | Initech",
                "I work at Dickens & Co.                             | Dickens & Co",
                "my company name is brightwave                       | brightwave",
        })
        void findsCompanyFromMarkersRolesAndLegalSuffixes(String text, String expected) {
            assertThat(company(text)).contains(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Hi, I'm Ana from Lisbon",
                "I work for a small bakery",
                "i work at home",
                "I work for myself as a freelancer",
                "We switched from Zendesk last year",
        })
        void findsNoCompanyWhenNoneIsNamed(String text) {
            assertThat(company(text)).isEmpty();
        }
    }

    @Nested
    class Robustness {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\u200B\u200C", "😀😀 love it!!", "שלום, אני רוצה הצעת מחיר",
                "مرحبا، أريد معرفة الأسعار", "\uD800 lone surrogate", "((((", "+", "@", "I'm", "my name is"})
        void returnsNoFactsForTextWithoutFacts(String text) {
            assertThat(LeadFactExtractor.extract(text).isEmpty()).isTrue();
        }

        @Test
        void treatsNullAsEmptyText() {
            assertThat(LeadFactExtractor.extract(null)).isEqualTo(ExtractedFacts.none());
        }

        @Test
        void findsFactsInsideRightToLeftText() {
            ExtractedFacts facts = LeadFactExtractor.extract("שלום \u200Fdan@example.co.il\u200E טלפון +972 3 555 1234");

            assertThat(facts.email().map(EmailAddress::value)).contains("dan@example.co.il");
            assertThat(facts.phone().map(PhoneNumber::normalized)).contains("+97235551234");
        }

        @ParameterizedTest
        @ValueSource(strings = {".", "1", "1.", "1 ", "@", "a@", "a.", "A ", "Aa", "+1 ", "(1)", "I'm A ", "0-"})
        void completesQuicklyOnTenThousandCharacterAdversarialInput(String unit) {
            String text = unit.repeat(10_000 / unit.length());

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> LeadFactExtractor.extract(text));
        }

        @Test
        void findsFactsAtTheEndOfALongMessage() {
            String text = "blah ".repeat(2_000) + "call me on +44 20 7946 0958, jo@acme.io";

            ExtractedFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> LeadFactExtractor.extract(text));

            assertThat(facts.phone().map(PhoneNumber::normalized)).contains("+442079460958");
            assertThat(facts.email().map(EmailAddress::value)).contains("jo@acme.io");
        }
    }

    @Nested
    class Values {

        @Test
        void emailRejectsMissingOrRepeatedAt() {
            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a.b.io")).withMessageContaining("'@'");
            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a@b@c.io")).withMessageContaining("'@'");
        }

        @Test
        void emailRejectsEmptyLocalPartAndDomainWithoutDot() {
            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("@b.io")).withMessageContaining("local part");
            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a@localhost")).withMessageContaining("dot");
        }

        @Test
        void emailRejectsInvalidDomainLabels() {
            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a@-b.io"));
            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a@b..io"));
            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a@b.i"));
        }

        @Test
        void emailRejectsAddressLongerThan254Characters() {
            String longAddress = "a@" + ("b".repeat(60) + ".").repeat(5) + "io";

            assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(longAddress))
                    .withMessageContaining("254");
        }

        @Test
        void emailLowerCasesDomainOnly() {
            EmailAddress email = new EmailAddress("Jo.Doe@ACME.Co.UK");

            assertThat(email.value()).isEqualTo("Jo.Doe@acme.co.uk");
            assertThat(email.localPart()).isEqualTo("Jo.Doe");
            assertThat(email.domain()).isEqualTo("acme.co.uk");
        }

        @Test
        void phoneAcceptsSevenToFifteenDigits() {
            assertThat(new PhoneNumber("5550132", false).normalized()).isEqualTo("5550132");
            assertThat(new PhoneNumber("123456789012345", true).normalized()).isEqualTo("+123456789012345");
        }

        @Test
        void phoneRejectsTooFewTooManyOrNonDigits() {
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("555013", false)).withMessageContaining("7 to 15");
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("1234567890123456", true)).withMessageContaining("7 to 15");
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("415-5550132", false)).withMessageContaining("digits");
        }

        @Test
        void phoneRejectsInternationalNumberStartingWithZero() {
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("02079460958", true));
        }

        @Test
        void phoneParsesItsNormalisedForm() {
            assertThat(PhoneNumber.parse("+442079460958")).isEqualTo(new PhoneNumber("442079460958", true));
            assertThat(PhoneNumber.parse("02079460958")).isEqualTo(new PhoneNumber("02079460958", false));
        }

        @Test
        void personNameIsStrippedAndBoundedToHundredCharacters() {
            assertThat(new PersonName("  Anna Lee ").value()).isEqualTo("Anna Lee");
            assertThatIllegalArgumentException().isThrownBy(() -> new PersonName(" \t")).withMessageContaining("blank");
            assertThatIllegalArgumentException().isThrownBy(() -> new PersonName("a".repeat(101))).withMessageContaining("100");
        }

        @Test
        void companyNameIsBoundedToHundredTwentyCharacters() {
            assertThat(new CompanyName("c".repeat(120)).value()).hasSize(120);
            assertThatIllegalArgumentException().isThrownBy(() -> new CompanyName("")).withMessageContaining("blank");
            assertThatIllegalArgumentException().isThrownBy(() -> new CompanyName("c".repeat(121))).withMessageContaining("120");
        }

        @Test
        void newerFactsWinFieldByFieldOverOlderOnes() {
            ExtractedFacts older = new ExtractedFacts(Optional.of(new PersonName("Anna")),
                    Optional.of(new EmailAddress("old@acme.io")), Optional.empty(), Optional.of(new CompanyName("Acme")));
            ExtractedFacts newer = new ExtractedFacts(Optional.empty(), Optional.of(new EmailAddress("new@acme.io")),
                    Optional.of(PhoneNumber.parse("+442079460958")), Optional.empty());

            ExtractedFacts merged = newer.orElse(older);

            assertThat(merged.name()).contains(new PersonName("Anna"));
            assertThat(merged.email()).contains(new EmailAddress("new@acme.io"));
            assertThat(merged.phone()).contains(PhoneNumber.parse("+442079460958"));
            assertThat(merged.company()).contains(new CompanyName("Acme"));
        }

        @Test
        void noneIsEmptyAndAnyFactMakesFactsNonEmpty() {
            assertThat(ExtractedFacts.none().isEmpty()).isTrue();
            assertThat(ExtractedFacts.none().orElse(ExtractedFacts.none()).isEmpty()).isTrue();
            assertThat(new ExtractedFacts(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(new CompanyName("Acme"))).isEmpty()).isFalse();
        }
    }
}

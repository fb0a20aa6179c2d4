package dev.forgebot.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LeadQualificationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "How much does the Pro plan cost?|PRICING",
        "Do you offer a discount for nonprofits?|PRICING",
        "What's your pricing?|PRICING",
        "I'd like to buy 20 seats|PURCHASE",
        "Can I book a demo next week?|PURCHASE",
        "We want to upgrade to the team plan, how much is it?|PURCHASE",
        "Please put me in touch with sales|PURCHASE",
        "The export is broken since yesterday|SUPPORT",
        "I get an error when I log in|SUPPORT",
        "I can't reset my password|SUPPORT",
        "I can’t reset my password|SUPPORT",
        "The app doesn't work on my phone, what's the price of support?|SUPPORT",
        "Do you integrate with Slack?|RESEARCH",
        "hello|RESEARCH",
    })
    void readsTheIntentOfOneMessage(String text, LeadIntent expected) {
        assertThat(LeadQualification.intentOf(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\uD83D\uDC4D\uD83D\uDE00", "?!"})
    void textWithNothingToReadHasUnknownIntent(String text) {
        assertThat(LeadQualification.intentOf(text)).isEqualTo(LeadIntent.UNKNOWN);
    }

    @Test
    void aGeneralMessageKeepsTheSpecificIntentKnownSoFar() {
        assertThat(LeadQualification.intentAfter(LeadIntent.PURCHASE, "thanks, and do you integrate with Slack?"))
                .isEqualTo(LeadIntent.PURCHASE);
        assertThat(LeadQualification.intentAfter(LeadIntent.PRICING, "\uD83D\uDC4D")).isEqualTo(LeadIntent.PRICING);
    }

    @Test
    void aSpecificMessageReplacesTheKnownIntent() {
        assertThat(LeadQualification.intentAfter(LeadIntent.PRICING, "ok, I want to buy it"))
                .isEqualTo(LeadIntent.PURCHASE);
        assertThat(LeadQualification.intentAfter(LeadIntent.UNKNOWN, "hi there")).isEqualTo(LeadIntent.RESEARCH);
    }

    @Test
    void nothingKnownScoresZero() {
        assertThat(LeadQualification.score(ContactFacts.none(), LeadIntent.UNKNOWN, 0)).isEqualTo(LeadScore.ZERO);
    }

    @Test
    void aBuyerWhoLeftAnEmailScoresAtLeastFiftyFive() {
        ContactFacts contact = ContactFacts.none().merge(new ExtractedFacts(Optional.empty(),
                Optional.of(new EmailAddress("ana@acme.com")), Optional.empty(), Optional.empty()));

        assertThat(LeadQualification.score(contact, LeadIntent.PURCHASE, 1).value()).isEqualTo(25 + 30 + 2);
    }

    @Test
    void aBrowserWhoLeftNothingScoresAtMostFifteen() {
        assertThat(LeadQualification.score(ContactFacts.displayedAs("Ana"), LeadIntent.RESEARCH, 50).value())
                .isEqualTo(15);
    }

    @Test
    void everythingKnownIsCappedAtOneHundred() {
        ContactFacts all = ContactFacts.none().merge(new ExtractedFacts(Optional.of(new PersonName("Ana")),
                Optional.of(new EmailAddress("ana@acme.com")), Optional.of(PhoneNumber.parse("+442079460958")),
                Optional.of(new CompanyName("Acme"))));

        assertThat(LeadQualification.score(all, LeadIntent.PURCHASE, 20).value()).isEqualTo(100);
    }

    @Test
    void aNegativeMessageCountIsABug() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LeadQualification.score(ContactFacts.none(), LeadIntent.UNKNOWN, -1));
    }
}

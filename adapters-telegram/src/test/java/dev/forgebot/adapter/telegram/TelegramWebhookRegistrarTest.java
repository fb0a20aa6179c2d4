package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgebot.adapter.telegram.RegistrationOutcome.Difference;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.WebhookRegistration;
import dev.forgebot.adapter.telegram.dto.WebhookInfo;
import dev.forgebot.application.port.out.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TelegramWebhookRegistrarTest {

    private static final String SECRET = "s3cret-Token_1";
    /** {@link WebhookSecret#fingerprint()} of {@link #SECRET}, computed independently. */
    private static final String FINGERPRINT = "5cea20639969";
    private static final String OLD_FINGERPRINT = "867094370d7f";
    private static final String URL = "https://bot.example.com/telegram/webhook";
    private static final List<String> ALLOWED = List.of("message", "edited_message", "callback_query", "my_chat_member");
    private static final WebhookRegistration WANTED = new WebhookRegistration(URI.create(URL), SECRET, ALLOWED, 40);

    private final WebhookApiDouble api = new WebhookApiDouble();
    private final List<Duration> slept = new ArrayList<>();
    private final Sleeper sleeper = slept::add;
    private TelegramWebhookRegistrar registrar = new TelegramWebhookRegistrar(api, sleeper);

    private static WebhookInfo info(String url, List<String> allowed, Integer maxConnections) {
        return new WebhookInfo(url, false, 0, null, null, maxConnections, allowed);
    }

    @Test
    void leavesAnIdenticalWebhookAlone() {
        // Arrange: same URL and secret, same update types in another order, same limit
        api.givenWebhookInfo(info(URL + "?fbv=" + FINGERPRINT,
                List.of("my_chat_member", "callback_query", "message", "edited_message"), 40));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Unchanged());
        assertThat(api.webhookInfoCalls()).isEqualTo(1);
        assertThat(api.registrations()).isEmpty();
        assertThat(api.deleteWebhookCalls()).isZero();
    }

    @Test
    void registersOnceWithSecretAndUpdateTypesWhenNoWebhookIsSet() {
        // Arrange: polling, Telegram's defaults
        api.givenWebhookInfo(info("", null, null));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Registered(
                java.util.Set.of(Difference.URL, Difference.ALLOWED_UPDATES, Difference.MAX_CONNECTIONS)));
        assertThat(api.registrations()).containsExactly(new WebhookRegistration(
                URI.create(URL + "?fbv=" + FINGERPRINT), SECRET, ALLOWED, 40));
        assertThat(api.deleteWebhookCalls()).isZero();
    }

    @Test
    void registersOnceWhenTheUrlDiffers() {
        // Arrange
        api.givenWebhookInfo(info("https://old.example.com/telegram/webhook?fbv=" + FINGERPRINT, ALLOWED, 40));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Registered(java.util.Set.of(Difference.URL)));
        assertThat(api.registrations()).singleElement().satisfies(r -> {
            assertThat(r.url()).hasToString(URL + "?fbv=" + FINGERPRINT);
            assertThat(r.secretToken()).isEqualTo(SECRET);
            assertThat(r.allowedUpdates()).isEqualTo(ALLOWED);
            assertThat(r.maxConnections()).isEqualTo(40);
        });
    }

    @Test
    void registersOnceWhenOnlyTheSecretChanged() {
        // Arrange: the same URL, registered with another secret's fingerprint
        api.givenWebhookInfo(info(URL + "?fbv=" + OLD_FINGERPRINT, ALLOWED, 40));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Registered(java.util.Set.of(Difference.SECRET)));
        assertThat(api.registrations()).singleElement()
                .satisfies(r -> assertThat(r.secretToken()).isEqualTo(SECRET));
    }

    @Test
    void registersOnceWhenRegisteredWithoutAFingerprint() {
        // Arrange: registered by hand or by an older version; the secret cannot be known to match
        api.givenWebhookInfo(info(URL, ALLOWED, 40));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Registered(java.util.Set.of(Difference.SECRET)));
        assertThat(api.registrations()).hasSize(1);
    }

    @Test
    void registersOnceWhenTheUpdateTypesDiffer() {
        // Arrange
        api.givenWebhookInfo(info(URL + "?fbv=" + FINGERPRINT, List.of("message"), 40));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Registered(java.util.Set.of(Difference.ALLOWED_UPDATES)));
        assertThat(api.registrations()).singleElement()
                .satisfies(r -> assertThat(r.allowedUpdates()).isEqualTo(ALLOWED));
    }

    @Test
    void registersOnceWhenTheConnectionLimitDiffers() {
        // Arrange
        api.givenWebhookInfo(info(URL + "?fbv=" + FINGERPRINT, ALLOWED, 100));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Registered(java.util.Set.of(Difference.MAX_CONNECTIONS)));
        assertThat(api.registrations()).singleElement().satisfies(r -> assertThat(r.maxConnections()).isEqualTo(40));
    }

    @Test
    void addsTheFingerprintToAUrlThatHasAQueryAlready() {
        // Arrange
        WebhookRegistration wanted = new WebhookRegistration(URI.create(URL + "?tenant=a#top"), SECRET, ALLOWED, 40);
        api.givenWebhookInfo(info("", ALLOWED, 40));

        // Act
        registrar.ensureRegistered(wanted);

        // Assert
        assertThat(api.registrations()).singleElement()
                .satisfies(r -> assertThat(r.url()).hasToString(URL + "?tenant=a&fbv=" + FINGERPRINT + "#top"));
    }

    @Test
    void replacesAFingerprintTheWantedUrlAlreadyCarries() {
        // Arrange
        WebhookRegistration wanted = new WebhookRegistration(URI.create(URL + "?fbv=" + OLD_FINGERPRINT), SECRET,
                ALLOWED, 40);
        api.givenWebhookInfo(info("", ALLOWED, 40));

        // Act
        registrar.ensureRegistered(wanted);

        // Assert
        assertThat(api.registrations()).singleElement()
                .satisfies(r -> assertThat(r.url()).hasToString(URL + "?fbv=" + FINGERPRINT));
    }

    @Test
    void waitsOutA429ThroughTheSleeperAndRegisters() {
        // Arrange
        api.givenWebhookInfo(info("", null, null))
                .failSetWebhookWith(tooManyRequests(Duration.ofSeconds(7)));

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
        assertThat(api.registrations()).hasSize(2);
    }

    @Test
    void after429ItLeavesAWebhookThatAnotherInstanceRegisteredMeanwhileAlone() {
        // Arrange: two instances start together; the other one's setWebhook went through first.
        api.givenWebhookInfo(info("", null, null))
                .failSetWebhookWith(tooManyRequests(Duration.ofSeconds(1)));
        registrar = new TelegramWebhookRegistrar(api, duration -> {
            slept.add(duration);
            api.givenWebhookInfo(info(URL + "?fbv=" + FINGERPRINT, ALLOWED, 40));
        });

        // Act
        RegistrationOutcome outcome = registrar.ensureRegistered(WANTED);

        // Assert
        assertThat(outcome).isEqualTo(new RegistrationOutcome.Unchanged());
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
        assertThat(api.registrations()).as("the refused attempt only").hasSize(1);
        assertThat(api.webhookInfoCalls()).isEqualTo(2);
    }

    @Test
    void givesUpAfterASecond429() {
        // Arrange
        TelegramApiException second = tooManyRequests(Duration.ofSeconds(3));
        api.givenWebhookInfo(info("", null, null))
                .failSetWebhookWith(tooManyRequests(Duration.ofSeconds(2)), second);

        // Act + Assert
        assertThatThrownBy(() -> registrar.ensureRegistered(WANTED)).isSameAs(second);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        assertThat(api.registrations()).hasSize(2);
    }

    @Test
    void doesNotWaitOutARetryAfterOverTheCap() {
        // Arrange
        TelegramWebhookRegistrar capped = new TelegramWebhookRegistrar(api, sleeper, Duration.ofSeconds(30));
        api.givenWebhookInfo(info("", null, null)).failSetWebhookWith(tooManyRequests(Duration.ofSeconds(31)));

        // Act + Assert
        assertThatThrownBy(() -> capped.ensureRegistered(WANTED)).isInstanceOf(TelegramApiException.class);
        assertThat(slept).isEmpty();
        assertThat(api.registrations()).hasSize(1);
    }

    @Test
    void throwsAnyOtherRefusalWithoutTryingAgain() {
        // Arrange
        api.givenWebhookInfo(info("", null, null))
                .failSetWebhookWith(new TelegramApiException("setWebhook", 400, "Bad Request: bad webhook: "
                        + "HTTPS url must be provided for webhook", null, null, false));

        // Act + Assert
        assertThatThrownBy(() -> registrar.ensureRegistered(WANTED))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> assertThat(e.errorCode()).isEqualTo(400));
        assertThat(slept).isEmpty();
        assertThat(api.registrations()).hasSize(1);
    }

    @Test
    void statusShowsTheWebhookWithoutTheFingerprint() {
        // Arrange
        api.givenWebhookInfo(new WebhookInfo(URL + "?fbv=" + FINGERPRINT, false, 17, 1_780_000_000L,
                "Wrong response from the webhook: 503 Service Unavailable", 40, ALLOWED));

        // Act
        WebhookStatus status = registrar.status();

        // Assert
        assertThat(status).isEqualTo(new WebhookStatus(URL, 17, Optional.of(Instant.ofEpochSecond(1_780_000_000L)),
                Optional.of("Wrong response from the webhook: 503 Service Unavailable"), OptionalInt.of(40), ALLOWED));
        assertThat(status.isSet()).isTrue();
        assertThat(api.registrations()).isEmpty();
        assertThat(api.deleteWebhookCalls()).isZero();
    }

    @Test
    void statusOfAPollingBotShowsNoWebhook() {
        // Arrange
        api.givenWebhookInfo(new WebhookInfo("", false, 3, null, null, null, null));

        // Act
        WebhookStatus status = registrar.status();

        // Assert
        assertThat(status).isEqualTo(new WebhookStatus("", 3, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                List.of()));
        assertThat(status.isSet()).isFalse();
    }

    @Test
    void statusKeepsAnOperatorsOwnQueryParameters() {
        // Arrange
        api.givenWebhookInfo(info(URL + "?tenant=a&fbv=" + FINGERPRINT, ALLOWED, 40));

        // Act
        WebhookStatus status = registrar.status();

        // Assert
        assertThat(status.url()).isEqualTo(URL + "?tenant=a");
    }

    private static TelegramApiException tooManyRequests(Duration retryAfter) {
        return new TelegramApiException("setWebhook", 429, "Too Many Requests: retry after " + retryAfter.toSeconds(),
                retryAfter, null, false);
    }
}

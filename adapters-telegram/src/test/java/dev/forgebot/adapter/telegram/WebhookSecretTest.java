package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    private static final String VALUE = "s3cret-Token_1";

    @Test
    void matchesTheExactSecret() {
        // Arrange
        WebhookSecret secret = WebhookSecret.of(VALUE);

        // Act
        boolean matches = secret.matches(VALUE);

        // Assert
        assertThat(matches).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s3cret-Token_2", "s3cret-Token_", "s3cret-Token_1x", "S3cret-Token_1", "s", "x3cret-Token_1"})
    void matchesNoOtherValue(String presented) {
        // Arrange
        WebhookSecret secret = WebhookSecret.of(VALUE);

        // Act
        boolean matches = secret.matches(presented);

        // Assert
        assertThat(matches).isFalse();
    }

    @Test
    void anAbsentValueNeverMatches() {
        // Arrange
        WebhookSecret secret = WebhookSecret.of(VALUE);

        // Act
        boolean matches = secret.matches(null);

        // Assert
        assertThat(matches).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "ünïcode"})
    void refusesWhatTelegramRefusesWithoutRepeatingIt(String value) {
        // Act + Assert
        assertThatThrownBy(() -> WebhookSecret.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!value.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
    }

    @Test
    void acceptsTheLongestSecretTelegramAllowsAndRefusesOneLonger() {
        // Arrange
        String longest = "a".repeat(256);

        // Act
        WebhookSecret secret = WebhookSecret.of(longest);

        // Assert
        assertThat(secret.matches(longest)).isTrue();
        assertThatThrownBy(() -> WebhookSecret.of(longest + "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesTheSecret() {
        // Act
        String text = WebhookSecret.of(VALUE).toString();

        // Assert
        assertThat(text).doesNotContain(VALUE).contains("****");
    }

    @Test
    void fingerprintIsTwelveHexCharactersOfTheSaltedDigest() {
        // Act: expected values computed independently (Python hashlib) from "forgebot-webhook:" + secret
        String first = WebhookSecret.of("s3cret-Token_1").fingerprint();
        String second = WebhookSecret.of("s3cret-Token_2").fingerprint();

        // Assert
        assertThat(first).isEqualTo("5cea20639969");
        assertThat(second).isEqualTo("867094370d7f");
    }

    @Test
    void equalSecretsAreEqual() {
        // Act + Assert
        assertThat(WebhookSecret.of(VALUE)).isEqualTo(WebhookSecret.of(VALUE)).hasSameHashCodeAs(WebhookSecret.of(VALUE));
        assertThat(WebhookSecret.of(VALUE)).isNotEqualTo(WebhookSecret.of("other"));
    }
}

package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSettingsTest {

    private static final WebhookSecret SECRET = WebhookSecret.of("s3cret-Token_1");

    @Test
    void defaultsToTheStandardPathAndOneMebibyteBodies() {
        // Act
        WebhookSettings settings = WebhookSettings.of("0.0.0.0", 8443, SECRET);

        // Assert
        assertThat(settings.path()).isEqualTo("/telegram/webhook");
        assertThat(settings.maxBodyBytes()).isEqualTo(1_048_576);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "telegram", "/hook?x=1", "/hook#f", "/with space"})
    void refusesAPathThatCannotBeMatchedExactly(String path) {
        // Act + Assert
        assertThatThrownBy(() -> new WebhookSettings("0.0.0.0", 8443, path, SECRET, 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    void refusesAPortOutOfRange(int port) {
        // Act + Assert
        assertThatThrownBy(() -> WebhookSettings.of("0.0.0.0", port, SECRET)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, (64 << 20) + 1})
    void refusesABodyCapOutOfRange(int maxBodyBytes) {
        // Act + Assert
        assertThatThrownBy(() -> new WebhookSettings("0.0.0.0", 8443, "/hook", SECRET, maxBodyBytes))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesTheSecret() {
        // Act
        String text = WebhookSettings.of("0.0.0.0", 8443, SECRET).toString();

        // Assert
        assertThat(text).doesNotContain("s3cret-Token_1");
    }
}

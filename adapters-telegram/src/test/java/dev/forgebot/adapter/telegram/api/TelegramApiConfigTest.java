package dev.forgebot.adapter.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelegramApiConfigTest {

    static final BotToken TOKEN = BotToken.of("123456:AAsecret_part-0123456789abcdef");

    @Test
    void defaultsAreFiveFifteenAndTenSeconds() {
        TelegramApiConfig config = TelegramApiConfig.defaults(TelegramApiConfig.TELEGRAM, TOKEN);

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.responseTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.pollMargin()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxConnections()).isEqualTo(TelegramApiConfig.DEFAULT_MAX_CONNECTIONS);
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    }

    @Test
    void toStringMasksTheToken() {
        String text = TelegramApiConfig.defaults(TelegramApiConfig.TELEGRAM, TOKEN).toString();

        assertThat(text).doesNotContain("secret_part").contains("123456");
    }

    @Test
    void trailingSlashesAreDroppedAndAPrefixKept() {
        assertThat(TelegramApiConfig.defaults(URI.create("HTTP://localhost:8081/tg/"), TOKEN).baseUrl())
                .isEqualTo(URI.create("http://localhost:8081/tg"));
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> TelegramApiConfig.defaults(URI.create("ftp://api.telegram.org"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramApiConfig.defaults(URI.create("/relative"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramApiConfig.defaults(URI.create("https://h/?q=1"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramApiConfig.defaults(URI.create("https://u:p@h/"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        TelegramApiConfig ok = TelegramApiConfig.defaults(TelegramApiConfig.TELEGRAM, TOKEN);
        assertThatThrownBy(() -> ok.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelegramApiConfig(ok.baseUrl(), TOKEN, ok.connectTimeout(),
                ok.responseTimeout(), ok.pollMargin(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

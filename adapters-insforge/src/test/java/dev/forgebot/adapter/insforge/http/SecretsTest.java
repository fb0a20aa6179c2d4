package dev.forgebot.adapter.insforge.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    private static final String KEY = "ik_SECRET_d15t1nct1v3_0123456789abcdef";

    @Test
    void apiKeyAndConfigToStringMaskTheKey() {
        ApiKey key = ApiKey.of(KEY);
        InsForgeClientConfig config = InsForgeClientConfig.defaults(URI.create("https://app.insforge.app/"), key);
        assertThat(key.toString()).doesNotContain(KEY).doesNotContain("d15t1nct1v3");
        assertThat(config.toString()).doesNotContain("d15t1nct1v3");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://app.insforge.app"));
        assertThat(key).isEqualTo(ApiKey.of(KEY));
    }

    @Test
    void apiKeyRefusesBlankOrWhitespace() {
        assertThatThrownBy(() -> ApiKey.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKey.of("ik_a\r\nx-api-key: b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("ik_a");
    }

    @Test
    void configRejectsBadValues() {
        ApiKey key = ApiKey.of(KEY);
        assertThatThrownBy(() -> InsForgeClientConfig.defaults(URI.create("ftp://x"), key))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InsForgeClientConfig.RetrySettings(java.util.Set.of(200),
                java.util.List.of(), java.time.Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}

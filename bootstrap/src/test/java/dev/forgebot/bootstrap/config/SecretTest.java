package dev.forgebot.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void printsAsStarsAndRevealsOnlyOnRequest() {
        Secret secret = Secret.of("hunter2-very-secret");

        assertThat(secret.toString()).isEqualTo("****");
        assertThat(String.valueOf(Optional.of(secret))).doesNotContain("hunter2");
        assertThat(secret.reveal()).isEqualTo("hunter2-very-secret");
    }

    @Test
    void isEqualByValue() {
        assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).hasSameHashCodeAs(Secret.of("abc"));
        assertThat(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
    }

    @Test
    void rejectsABlankValue() {
        assertThatThrownBy(() -> Secret.of("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.forgebot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.forgebot.domain.knowledge.KnowledgeBase;
import dev.forgebot.domain.lead.ChatId;
import org.junit.jupiter.api.Test;

class BotSettingsTest {

    private static final ChatId OPERATORS = new ChatId(-100);

    @Test
    void defaultsUseTheCalibratedThresholdAndThreeResults() {
        BotSettings settings = BotSettings.defaults(OPERATORS);

        assertThat(settings.answerThreshold()).isEqualTo(KnowledgeBase.DEFAULT_ANSWER_THRESHOLD);
        assertThat(settings.maxSearchResults()).isEqualTo(3);
        assertThat(settings.maxFileBytes()).isEqualTo(20L * 1024 * 1024);
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BotSettings(OPERATORS, 0.0, 3, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BotSettings(OPERATORS, 1.5, 3, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BotSettings(OPERATORS, Double.NaN, 3, 1));
    }

    @Test
    void refusesSearchResultsAndFileLimitsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BotSettings(OPERATORS, 0.3, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BotSettings(OPERATORS, 0.3, 21, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BotSettings(OPERATORS, 0.3, 3, 0));
    }
}

package dev.forgebot.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BotCommandTest {

    @Test
    void readsNameAndArguments() {
        assertThat(BotCommand.parse("/approve 3")).contains(new BotCommand("approve", "3"));
        assertThat(BotCommand.parse("  /Stats  ")).contains(new BotCommand("stats", ""));
    }

    @Test
    void dropsTheBotsNameTelegramAddsInGroups() {
        assertThat(BotCommand.parse("/approve@forge_bot 12")).contains(new BotCommand("approve", "12"));
    }

    @Test
    void textThatIsNotACommandIsNone() {
        assertThat(BotCommand.parse("how do I use /export?")).isEqualTo(Optional.empty());
        assertThat(BotCommand.parse("/")).isEmpty();
        assertThat(BotCommand.parse("/ 3")).isEmpty();
        assertThat(BotCommand.parse("")).isEmpty();
    }
}

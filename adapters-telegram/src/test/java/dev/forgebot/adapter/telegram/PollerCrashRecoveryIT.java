package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.adapter.telegram.fake.FakeBotApi;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@link PollerCrashRecoveryScenarios} over loopback: Telegram is the {@link FakeBotApi} on real HTTP,
 * each process reaches it through its own {@code HttpTelegramApi} and replies through a real
 * {@link TelegramMessenger}; what customers received is what the fake accepted. The poller long-polls
 * with its default 25 s, which the fake cuts to {@link #LONG_POLL_CAP} when nothing is pending.
 */
class PollerCrashRecoveryIT extends PollerCrashRecoveryScenarios {

    static final Duration LONG_POLL_CAP = Duration.ofMillis(50);

    @Override
    protected PollingBot.Telegram newTelegram() {
        return LoopbackTelegram.start(LONG_POLL_CAP);
    }

    private FakeBotApi fake() {
        return ((LoopbackTelegram) bot.telegram).fake;
    }

    @Test
    void aGetUpdatesAnswerLostOnTheWayIsFetchedAgainAndStoredOnce() throws InterruptedException {
        customersAsk();
        fake().dropNext("getUpdates", 1, true);
        PollingBot.Process process = bot.start();

        PollOutcome lost = process.poller().pollOnce();
        int heldAfterTheLoss = fake().pendingUpdates();
        process.pollAndDrain();
        process.poller().confirmStored();

        assertThat(lost).isInstanceOf(PollOutcome.BackedOff.class);
        assertThat(heldAfterTheLoss).as("updates the fake still holds after the lost answer").isEqualTo(3);
        assertThat(fake().getUpdatesOffsets()).startsWith(OptionalLong.empty(), OptionalLong.empty())
                .contains(OptionalLong.of(4));
        everyQuestionStoredAndAnsweredOnce();
        everythingConfirmedAtTelegram();
    }

    @Test
    void repliesGoOutThroughTheBotApiAsSendMessageToTheCustomersChat() throws InterruptedException {
        customersAsk();
        PollingBot.Process process = bot.start();

        process.pollAndDrain();

        assertThat(fake().sent()).extracting(FakeBotApi.SentMessage::chatId).containsExactlyInAnyOrder(ANA, ANA, BEN);
        assertThat(fake().requestCount("sendMessage")).isEqualTo(3);
        assertThat(fake().paramsOf("getUpdates")).allSatisfy(params -> assertThat(params.get("timeout").asLong())
                .isEqualTo(PollerSettings.defaults().longPollTimeout().toSeconds()));
    }
}

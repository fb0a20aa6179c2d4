package dev.forgebot.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.forgebot.adapter.telegram.ChatMigrations;
import dev.forgebot.adapter.telegram.PollerSettings;
import dev.forgebot.adapter.telegram.TelegramUpdateMapper;
import dev.forgebot.adapter.telegram.TelegramUpdatePoller;
import dev.forgebot.adapter.telegram.api.TelegramApi;
import dev.forgebot.adapter.telegram.api.TelegramApiException;
import dev.forgebot.adapter.telegram.api.TelegramUnreachableException;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.bootstrap.runtime.LoopOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What long polling reports for health and tells its loop; the poller runs against a mocked Bot API, time is a fake. */
class TelegramPollingTest {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final TelegramApi api = mock(TelegramApi.class);
    private final TelegramPolling polling = new TelegramPolling(new TelegramUpdatePoller(api, events -> events.size(),
            new TelegramUpdateMapper(new ChatMigrations(), clock), PollerSettings.defaults(), clock::advance, () -> 0.5),
            clock);

    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private void telegramUnreachable() {
        when(api.getUpdates(any(), anyInt(), any(), anyList()))
                .thenThrow(new TelegramUnreachableException("getUpdates", false, "connection refused"));
    }

    @Test
    void pollsFailingForOverFiveMinutesMakeTheBotUnreadyUntilOneSucceeds() throws InterruptedException {
        telegramUnreachable();
        for (int i = 0; i < 15; i++) { // backoff waits of 0.75 s doubling to 45 s: about 7 minutes in all
            assertThat(polling.pollOnce()).isEqualTo(LoopOutcome.CONTINUE_NOW);
        }
        polling.describe(details, problems);
        List<String> whileFailing = List.copyOf(problems);

        doReturn(List.of()).when(api).getUpdates(any(), anyInt(), any(), anyList());
        polling.pollOnce();
        problems.clear();
        details.clear();
        polling.describe(details, problems);

        assertThat(whileFailing).singleElement().asString().startsWith("telegram: no successful poll for")
                .contains("15 failed in a row");
        assertThat(problems).isEmpty();
        assertThat(details).containsEntry("telegram.mode", "polling").containsKey("telegram.last_poll_at")
                .doesNotContainKey("telegram.failed_polls_in_row");
    }

    @Test
    void aFewFailedPollsAreShownButAreNoProblemYet() throws InterruptedException {
        telegramUnreachable();

        polling.pollOnce();
        polling.describe(details, problems);

        assertThat(details).containsEntry("telegram.failed_polls_in_row", "1");
        assertThat(problems).isEmpty();
    }

    @Test
    void aRefusedTokenStopsTheLoopForGood() throws InterruptedException {
        when(api.getUpdates(any(), anyInt(), any(), anyList()))
                .thenThrow(new TelegramApiException("getUpdates", 401, "Unauthorized", null, null, false));

        LoopOutcome outcome = polling.pollOnce();

        assertThat(outcome).isInstanceOf(LoopOutcome.Fatal.class);
        assertThat(((LoopOutcome.Fatal) outcome).reason()).contains("401");
    }
}

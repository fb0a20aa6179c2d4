package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.ScriptedSendMessageApi.Failures;
import dev.forgebot.application.contract.MessengerContract;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.domain.lead.ChatId;
import java.time.Duration;
import java.util.List;

/** {@link TelegramMessenger} keeps the {@link Messenger} contract against an in-memory Bot API. */
class TelegramMessengerContractTest extends MessengerContract {

    private ScriptedSendMessageApi api;

    @Override
    protected Messenger newMessenger() {
        api = new ScriptedSendMessageApi();
        MutableClock clock = MutableClock.atDefaultStart();
        return new TelegramMessenger(api, new ChatMigrations(),
                new MessengerSettings(FloodLimits.OFF, Duration.ofSeconds(30)), clock, new RecordingSleeper(clock));
    }

    @Override
    protected List<String> textsReceivedBy(ChatId chat) {
        return api.textsAcceptedBy(chat.value());
    }

    @Override
    protected void scriptBlocked(ChatId chat) {
        api.failAlways(chat.value(), Failures.forbidden("Forbidden: bot was blocked by the user"));
    }

    @Override
    protected void scriptGone(ChatId chat) {
        api.failAlways(chat.value(), Failures.badRequest("Bad Request: chat not found"));
    }
}

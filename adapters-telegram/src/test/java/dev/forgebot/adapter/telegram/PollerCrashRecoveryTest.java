package dev.forgebot.adapter.telegram;

/**
 * {@link PollerCrashRecoveryScenarios} with Telegram in memory ({@link ScriptedTelegramApi}, replies
 * recorded by a {@code RecordingMessenger}): fast, no socket or thread.
 */
class PollerCrashRecoveryTest extends PollerCrashRecoveryScenarios {

    @Override
    protected PollingBot.Telegram newTelegram() {
        return new InMemoryTelegram();
    }
}

package dev.forgebot.bootstrap.wiring;

import dev.forgebot.application.inbox.DispatcherSettings;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.ChatId;
import java.util.Objects;

/**
 * What the core needs from configuration, whatever the adapters.
 *
 * @param operatorsChat the operators' chat
 * @param followUps     the follow-up schedule
 * @param dispatcher    how the inbox dispatcher paces itself
 * @param batchSize     follow-ups handled per pass
 * @param maxScenarioQuestions questions clustered per scenario run
 * @param instanceId    this instance's id, owner of its claims on inbox entries
 */
public record CoreSettings(
        ChatId operatorsChat, FollowUpSchedule followUps, DispatcherSettings dispatcher, int batchSize,
        int maxScenarioQuestions, String instanceId) {

    public CoreSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(operatorsChat, "operatorsChat");
        Objects.requireNonNull(followUps, "followUps");
        Objects.requireNonNull(dispatcher, "dispatcher");
        if (batchSize < 1 || maxScenarioQuestions < 2) {
            throw new IllegalArgumentException("batchSize must be positive and maxScenarioQuestions at least 2");
        }
    }

    /** Defaults for the given operators' chat and follow-up schedule. */
    public static CoreSettings of(ChatId operatorsChat, FollowUpSchedule followUps) {
        return new CoreSettings(operatorsChat, followUps, DispatcherSettings.defaults(), 200, 2_000,
                InboxDispatcher.SINGLE_INSTANCE);
    }

    /** These settings for the instance {@code id}. */
    public CoreSettings withInstanceId(String id) {
        return new CoreSettings(operatorsChat, followUps, dispatcher, batchSize, maxScenarioQuestions, id);
    }
}

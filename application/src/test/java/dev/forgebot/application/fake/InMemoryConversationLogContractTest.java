package dev.forgebot.application.fake;

import dev.forgebot.application.contract.ConversationLogContract;
import dev.forgebot.application.port.out.ConversationLog;

class InMemoryConversationLogContractTest extends ConversationLogContract {

    @Override
    protected ConversationLog newStore() {
        return new InMemoryConversationLog();
    }
}

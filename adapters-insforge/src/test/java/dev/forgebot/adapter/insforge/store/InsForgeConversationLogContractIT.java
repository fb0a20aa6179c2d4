package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.ConversationLogContract;
import dev.forgebot.application.port.out.ConversationLog;
import org.junit.jupiter.api.AfterEach;

class InsForgeConversationLogContractIT extends ConversationLogContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected ConversationLog newStore() {
        return new InsForgeConversationLog(servers.fresh());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}

package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.QuestionLogContract;
import dev.forgebot.application.port.out.QuestionLog;
import org.junit.jupiter.api.AfterEach;

class InsForgeQuestionLogContractIT extends QuestionLogContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected QuestionLog newStore() {
        return new InsForgeQuestionLog(servers.fresh());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}

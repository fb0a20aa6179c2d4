package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.KnowledgeSourceContract;
import dev.forgebot.application.port.out.KnowledgeSource;
import org.junit.jupiter.api.AfterEach;

class InsForgeKnowledgeSourceContractIT extends KnowledgeSourceContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected KnowledgeSource newStore() {
        return new InsForgeKnowledgeSource(servers.fresh());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}

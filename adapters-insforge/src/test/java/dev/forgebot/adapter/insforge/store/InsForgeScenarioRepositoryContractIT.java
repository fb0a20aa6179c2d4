package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.ScenarioRepositoryContract;
import dev.forgebot.application.port.out.ScenarioRepository;
import org.junit.jupiter.api.AfterEach;

class InsForgeScenarioRepositoryContractIT extends ScenarioRepositoryContract {

    private final FakeServers servers = new FakeServers();

    @Override
    protected ScenarioRepository newStore() {
        return new InsForgeScenarioRepository(servers.fresh());
    }

    @AfterEach
    void stop() {
        servers.close();
    }
}

package dev.forgebot.adapter.insforge.store;

import dev.forgebot.application.contract.ScenarioRepositoryConcurrencyContract;
import dev.forgebot.application.port.out.ScenarioRepository;
import org.junit.jupiter.api.AfterEach;

class InsForgeScenarioRepositoryConcurrencyContractIT extends ScenarioRepositoryConcurrencyContract {

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

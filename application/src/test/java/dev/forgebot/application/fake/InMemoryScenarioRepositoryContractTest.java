package dev.forgebot.application.fake;

import dev.forgebot.application.contract.ScenarioRepositoryContract;
import dev.forgebot.application.port.out.ScenarioRepository;

class InMemoryScenarioRepositoryContractTest extends ScenarioRepositoryContract {

    @Override
    protected ScenarioRepository newStore() {
        return new InMemoryScenarioRepository();
    }
}

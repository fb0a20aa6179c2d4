package dev.forgebot.application.fake;

import dev.forgebot.application.contract.ScenarioRepositoryConcurrencyContract;
import dev.forgebot.application.port.out.ScenarioRepository;

class InMemoryScenarioRepositoryConcurrencyIT extends ScenarioRepositoryConcurrencyContract {

    @Override
    protected ScenarioRepository newStore() {
        return new InMemoryScenarioRepository();
    }
}

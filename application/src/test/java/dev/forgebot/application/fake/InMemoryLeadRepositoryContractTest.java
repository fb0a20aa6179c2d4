package dev.forgebot.application.fake;

import dev.forgebot.application.contract.LeadRepositoryContract;
import dev.forgebot.application.port.out.LeadRepository;

class InMemoryLeadRepositoryContractTest extends LeadRepositoryContract {

    @Override
    protected LeadRepository newStore() {
        return new InMemoryLeadRepository();
    }
}

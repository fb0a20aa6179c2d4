package dev.forgebot.application.fake;

import dev.forgebot.application.contract.LeadRepositoryConcurrencyContract;
import dev.forgebot.application.port.out.LeadRepository;

class InMemoryLeadRepositoryConcurrencyIT extends LeadRepositoryConcurrencyContract {

    @Override
    protected LeadRepository newStore() {
        return new InMemoryLeadRepository();
    }
}

package dev.forgebot.application.fake;

import dev.forgebot.application.contract.TicketRepositoryConcurrencyContract;
import dev.forgebot.application.port.out.TicketRepository;

class InMemoryTicketRepositoryConcurrencyIT extends TicketRepositoryConcurrencyContract {

    @Override
    protected TicketRepository newStore() {
        return new InMemoryTicketRepository();
    }
}

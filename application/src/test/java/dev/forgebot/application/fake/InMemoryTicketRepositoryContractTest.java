package dev.forgebot.application.fake;

import dev.forgebot.application.contract.TicketRepositoryContract;
import dev.forgebot.application.port.out.TicketRepository;

class InMemoryTicketRepositoryContractTest extends TicketRepositoryContract {

    @Override
    protected TicketRepository newStore() {
        return new InMemoryTicketRepository();
    }
}

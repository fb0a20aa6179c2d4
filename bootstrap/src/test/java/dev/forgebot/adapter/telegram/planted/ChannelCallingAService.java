package dev.forgebot.adapter.telegram.planted;

import dev.forgebot.application.service.KnowledgeService;

/** Planted: a channel that calls a service instead of handing events to a port. Never used. */
public final class ChannelCallingAService {

    private ChannelCallingAService() {
    }

    static int articles(KnowledgeService knowledge) {
        return knowledge.current().size();
    }
}

package dev.forgebot.domain.scenario;

/** Whether operators have approved a scenario draft. */
public enum ScenarioStatus {
    DRAFT,
    APPROVED
}

package dev.forgebot.application.service;

import dev.forgebot.application.port.in.ChangeReachability;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.lead.Lead;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks leads blocked or reachable when customers block or unblock the bot. A blocked lead has no
 * next follow-up; unblocking gives it back its place in the schedule. Thread-safe; storage failures
 * propagate (the inbox entry carrying the change is retried).
 */
public final class ReachabilityService implements ChangeReachability {

    private static final Logger log = LoggerFactory.getLogger(ReachabilityService.class);

    private final LeadRepository leads;
    private final LeadChanges changes;

    public ReachabilityService(LeadRepository leads, FollowUpPolicy policy) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.changes = new LeadChanges(leads, policy);
    }

    @Override
    public void change(ReachabilityCommand command) {
        leads.findByCustomer(command.customer()).ifPresentOrElse(lead -> {
            Lead changed = changes.apply(lead, command.blocked() ? Lead::block : Lead::unblock);
            if (changed != lead) {
                log.info("lead reachability changed lead={} blocked={}", lead.id().value(), command.blocked());
            }
        }, () -> log.debug("reachability change for an unknown customer ignored blocked={}", command.blocked()));
    }
}

package dev.forgebot.application.pipeline;

import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.InboxState;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an inbox entry through an ordered list of {@link PipelineStep}s over one
 * {@link PipelineContext}. When every step continues (or one finishes the entry), the entry is done
 * and the background work the steps deferred (lead enrichment) is handed to {@link BackgroundTasks},
 * so it never delays the reply.
 *
 * <p>Thread-safe: steps are shared, the context is per call. Storage exceptions thrown by a step
 * propagate to the caller (the dispatcher), which decides between retry and dead letter.
 */
public final class MessagePipeline {

    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);

    private final List<PipelineStep> steps;
    private final BackgroundTasks backgroundTasks;
    private final Clock clock;

    public MessagePipeline(List<PipelineStep> steps, BackgroundTasks backgroundTasks, Clock clock) {
        this.steps = List.copyOf(steps);
        this.backgroundTasks = Objects.requireNonNull(backgroundTasks, "backgroundTasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one step");
        }
    }

    /**
     * Handles one entry.
     *
     * @return {@link StepOutcome.Finish} when the entry is done, {@link StepOutcome.RetryLater} or
     *     {@link StepOutcome.GiveUp} when a step stopped it
     * @throws dev.forgebot.application.port.out.StorageException when a step's I/O failed
     */
    public StepOutcome handle(InboxEntry entry) {
        PipelineContext context = new PipelineContext(entry, clock.instant());
        for (PipelineStep step : steps) {
            StepOutcome outcome = step.apply(context);
            switch (outcome) {
                case StepOutcome.Continue c -> {
                    // next step
                }
                case StepOutcome.Finish finish -> {
                    return finished(context, finish);
                }
                case StepOutcome.RetryLater retry -> {
                    log.info("step asked to retry later step={} entry={} after={}", step.name(), entry.key(), retry.after());
                    return retry;
                }
                case StepOutcome.GiveUp giveUp -> {
                    log.warn("step gave up step={} entry={} reason={}", step.name(), entry.key(), giveUp.reason());
                    return giveUp;
                }
            }
        }
        return finished(context, new StepOutcome.Finish(InboxState.HANDLED));
    }

    private StepOutcome finished(PipelineContext context, StepOutcome.Finish finish) {
        for (PipelineContext.Deferred work : context.deferred()) {
            if (!backgroundTasks.launch(work.name(), work.task())) {
                log.warn("background step not started, executor is shut down task={} entry={}", work.name(),
                        context.entry().key());
            }
        }
        return finish;
    }

    /** The steps, in order. */
    public List<PipelineStep> steps() {
        return steps;
    }
}

package dev.forgebot.application.pipeline;

/**
 * One step of the {@link MessagePipeline}. A step must be idempotent per inbox entry: when an
 * entry is handled again after a crash or a transient failure, a step that finds its work already
 * recorded (a message logged, a ticket open, a reply sent) skips it. Steps never retry or wait on
 * failures themselves: a transient failure propagates as a
 * {@link dev.forgebot.application.port.out.TransientStorageException} and the dispatcher retries
 * the whole entry later.
 *
 * <p>Steps are shared by all chats and must be thread-safe (keep state in the context).
 */
public interface PipelineStep {

    /** The step's name, for logs and metrics. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Does the step's work on {@code context}. */
    StepOutcome apply(PipelineContext context);
}

package dev.forgebot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.forgebot.application.port.out.BackgroundTasks;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.bootstrap.runtime.LoopSupervisor;
import dev.forgebot.bootstrap.runtime.SupervisedExecutor;
import dev.forgebot.bootstrap.runtime.SystemSleeper;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** Time, waiting, supervised background work (the only sources of threads) and the meters. */
public final class RuntimeModule extends AbstractModule {

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    Sleeper sleeper() {
        return new SystemSleeper();
    }

    @Provides
    @Singleton
    SupervisedExecutor executor(Clock clock) {
        return new SupervisedExecutor(clock);
    }

    @Provides
    @Singleton
    BackgroundTasks backgroundTasks(SupervisedExecutor executor) {
        return executor;
    }

    @Provides
    @Singleton
    LoopSupervisor loops(Sleeper sleeper, Clock clock) {
        return new LoopSupervisor(sleeper, clock);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry meterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Provides
    @Singleton
    ForgebotMetrics metrics(PrometheusMeterRegistry registry) {
        return new ForgebotMetrics(registry);
    }
}

package dev.forgebot.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.forgebot.bootstrap.architecture.planted.CompletableFutureOnCommonPool;
import dev.forgebot.bootstrap.architecture.planted.ExecutorServiceFromExecutors;
import dev.forgebot.bootstrap.architecture.planted.NewThread;
import dev.forgebot.bootstrap.architecture.planted.VirtualThreadStarter;
import org.junit.jupiter.api.Test;

/**
 * The rules can fail: each planted class below breaks one of them, so a rule that silently passes
 * everything (a wrong package name, a predicate that never matches) breaks this test.
 */
class ArchitectureRulesCatchViolationsTest {

    private static JavaClasses planted(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    @Test
    void anExecutorFromExecutorsOutsideRuntimeIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.THREADS_ARE_CREATED_ONLY_IN_BOOTSTRAP_RUNTIME
                        .check(planted(ExecutorServiceFromExecutors.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Executors.newFixedThreadPool");
    }

    @Test
    void aNewThreadOutsideRuntimeIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.THREADS_ARE_CREATED_ONLY_IN_BOOTSTRAP_RUNTIME.check(planted(NewThread.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Thread.<init>");
    }

    @Test
    void aVirtualThreadOutsideRuntimeIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.THREADS_ARE_CREATED_ONLY_IN_BOOTSTRAP_RUNTIME
                        .check(planted(VirtualThreadStarter.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("startVirtualThread");
    }

    @Test
    void workOnTheCommonPoolOutsideRuntimeIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.THREADS_ARE_CREATED_ONLY_IN_BOOTSTRAP_RUNTIME
                        .check(planted(CompletableFutureOnCommonPool.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("runAsync");
    }

    @Test
    void anAdapterCallingAServiceIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.ADAPTERS_USE_THE_APPLICATION_THROUGH_ITS_PORTS
                        .check(planted(dev.forgebot.adapter.telegram.planted.ChannelCallingAService.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("KnowledgeService");
    }

    @Test
    void theTelegramAdapterUsingALibraryOutsideItsListIsAViolation() {
        assertThatThrownBy(() -> ArchitectureRules.TELEGRAM_ADAPTER_DEPENDS_ON_ITS_LIBRARIES_ONLY
                        .check(planted(dev.forgebot.adapter.telegram.planted.ChannelUsingGuice.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.google.inject.Injector");
    }

    @Test
    void aRuleOverNoClassesFails() {
        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY.check(planted(NewThread.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}

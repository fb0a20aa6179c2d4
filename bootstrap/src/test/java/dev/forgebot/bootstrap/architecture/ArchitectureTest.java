package dev.forgebot.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The build fails when production code breaks the module table of design.md. */
class ArchitectureTest {

    @Test
    void domainDependsOnTheJdkOnly() {
        ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY.check(ForgebotClasses.production());
    }

    @Test
    void domainPackagesAreFreeOfCycles() {
        ArchitectureRules.DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES.check(ForgebotClasses.production());
    }

    @Test
    void applicationDependsOnDomainAndSlf4jOnly() {
        ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_AND_SLF4J_ONLY.check(ForgebotClasses.production());
    }

    @Test
    void portsSpeakDomainTypesOnly() {
        ArchitectureRules.PORTS_SPEAK_DOMAIN_TYPES_ONLY.check(ForgebotClasses.production());
    }

    @Test
    void theLocalAdapterDependsOnItsLibrariesOnly() {
        ArchitectureRules.LOCAL_ADAPTER_DEPENDS_ON_ITS_LIBRARIES_ONLY.check(ForgebotClasses.production());
    }

    @Test
    void theInsForgeAdapterDependsOnItsLibrariesOnly() {
        ArchitectureRules.INSFORGE_ADAPTER_DEPENDS_ON_ITS_LIBRARIES_ONLY.check(ForgebotClasses.production());
    }

    @Test
    void theTelegramAdapterDependsOnItsLibrariesOnly() {
        ArchitectureRules.TELEGRAM_ADAPTER_DEPENDS_ON_ITS_LIBRARIES_ONLY.check(ForgebotClasses.production());
    }

    @Test
    void adaptersUseTheApplicationThroughItsPortsOnly() {
        ArchitectureRules.ADAPTERS_USE_THE_APPLICATION_THROUGH_ITS_PORTS.check(ForgebotClasses.production());
    }

    @Test
    void guiceLogbackPicocliAndMicrometerStayInBootstrap() {
        ArchitectureRules.BOOTSTRAP_LIBRARIES_STAY_IN_BOOTSTRAP.check(ForgebotClasses.production());
    }

    @Test
    void threadsAndExecutorsAreCreatedOnlyInBootstrapRuntime() {
        assertThatCode(() -> ArchitectureRules.THREADS_ARE_CREATED_ONLY_IN_BOOTSTRAP_RUNTIME.check(ForgebotClasses.production()))
                .doesNotThrowAnyException();
    }
}

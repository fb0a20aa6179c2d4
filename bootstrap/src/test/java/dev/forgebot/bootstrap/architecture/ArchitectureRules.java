package dev.forgebot.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;

/**
 * The module table of design.md as ArchUnit rules. Each rule names packages that exist now; an issue
 * that brings a module adds its rules here, and {@code failOnEmptyShould} (archunit.properties) fails
 * a rule that selects no class, so a rule cannot pass by pointing at nothing.
 */
final class ArchitectureRules {

    static final String DOMAIN = "dev.forgebot.domain..";
    static final String APPLICATION = "dev.forgebot.application..";
    static final String BOOTSTRAP = "dev.forgebot.bootstrap..";
    static final String RUNTIME = "dev.forgebot.bootstrap.runtime..";

    /** Libraries only the composition root may know. */
    static final String[] BOOTSTRAP_ONLY_LIBRARIES = {
        "com.google.inject..", "ch.qos.logback..", "picocli..", "io.micrometer..",
    };

    private ArchitectureRules() {
    }

    /** The domain is plain Java: the JDK and itself, nothing else. */
    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java: model and pure rules, no framework, no I/O library");

    /** The domain's packages (lead, conversation, knowledge, ...) do not go round in circles. */
    static final ArchRule DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("dev.forgebot.domain.(*)..")
            .should().beFreeOfCycles();

    /** The application knows the domain, SLF4J and the JDK: no framework, no I/O library. */
    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_SLF4J_ONLY = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "org.slf4j..", "java..")
            .because("use cases and ports are plain Java; adapters bring the technology");

    /** Ports are the application's edge: they speak domain types and their own, never services or pipeline internals. */
    static final ArchRule PORTS_SPEAK_DOMAIN_TYPES_ONLY = classes()
            .that().resideInAPackage("dev.forgebot.application.port..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.forgebot.application.port..", DOMAIN, "java..")
            .because("adapters implement ports without seeing the application's insides");

    static final String LOCAL_ADAPTER = "dev.forgebot.adapter.local..";

    /**
     * The embedded default uses the application, its embedded database (SQLite driver, Flyway), a
     * JSON and a CSV library, and SLF4J; it sees no other adapter.
     */
    static final ArchRule LOCAL_ADAPTER_DEPENDS_ON_ITS_LIBRARIES_ONLY = classes()
            .that().resideInAPackage(LOCAL_ADAPTER)
            .should().onlyDependOnClassesThat().resideInAnyPackage(LOCAL_ADAPTER, APPLICATION, DOMAIN, "java..",
                    "org.sqlite..", "org.flywaydb..", "com.fasterxml.jackson..", "org.apache.commons.csv..", "org.slf4j..")
            .because("an adapter is its port implementations plus the technology they need, nothing else");

    static final String INSFORGE_ADAPTER = "dev.forgebot.adapter.insforge..";

    /** The InsForge adapter: the application, HTTP, JSON, the retry library and SLF4J; no other adapter. */
    static final ArchRule INSFORGE_ADAPTER_DEPENDS_ON_ITS_LIBRARIES_ONLY = classes()
            .that().resideInAPackage(INSFORGE_ADAPTER)
            .should().onlyDependOnClassesThat().resideInAnyPackage(INSFORGE_ADAPTER, APPLICATION, DOMAIN, "java..",
                    "org.apache.hc..", "com.fasterxml.jackson..", "io.github.resilience4j..", "org.slf4j..")
            .because("an adapter is its port implementations plus the technology they need, nothing else");

    static final String TELEGRAM_ADAPTER = "dev.forgebot.adapter.telegram..";

    /**
     * The Telegram adapter: the application, HTTP (client, and the JDK's server for the webhook), JSON
     * and SLF4J; no Telegram library, no other adapter.
     */
    static final ArchRule TELEGRAM_ADAPTER_DEPENDS_ON_ITS_LIBRARIES_ONLY = classes()
            .that().resideInAPackage(TELEGRAM_ADAPTER)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TELEGRAM_ADAPTER, APPLICATION, DOMAIN, "java..",
                    "javax.net.ssl..", "org.apache.hc..", "com.fasterxml.jackson..", "com.sun.net.httpserver..", "org.slf4j..")
            .because("an adapter is its port implementations plus the technology they need, nothing else");

    /**
     * Adapters reach the application through its ports only: a channel maps wire formats to inbound
     * events and hands them over; it holds no business rules and calls no service or pipeline step.
     */
    static final ArchRule ADAPTERS_USE_THE_APPLICATION_THROUGH_ITS_PORTS = noClasses()
            .that().resideInAnyPackage(TELEGRAM_ADAPTER, INSFORGE_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage("dev.forgebot.application.service..",
                    "dev.forgebot.application.pipeline..", "dev.forgebot.application.inbox..")
            .because("business rules live in the application; an adapter only translates");

    /** Guice, Logback, picocli and Micrometer belong to the composition root. */
    static final ArchRule BOOTSTRAP_LIBRARIES_STAY_IN_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage(BOOTSTRAP_ONLY_LIBRARIES)
            .because("only bootstrap knows Guice, Logback, picocli and Micrometer");

    /** Threads and executors are created in one place, where they are supervised. */
    static final ArchRule THREADS_ARE_CREATED_ONLY_IN_BOOTSTRAP_RUNTIME = noClasses()
            .that().resideOutsideOfPackage(RUNTIME)
            .should().callConstructorWhere(createsAThreadOrExecutor())
            .orShould().callMethodWhere(startsAThreadOrExecutor())
            .because("every background task runs under the supervised executor in bootstrap.runtime");

    private static DescribedPredicate<JavaConstructorCall> createsAThreadOrExecutor() {
        return DescribedPredicate.describe("a new Thread, Executor, ThreadFactory or Timer", call -> {
            var owner = call.getTargetOwner();
            return owner.isAssignableTo(Thread.class)
                    || owner.isAssignableTo(Executor.class)
                    || owner.isAssignableTo(ThreadFactory.class)
                    || owner.isAssignableTo(Timer.class);
        });
    }

    private static DescribedPredicate<JavaMethodCall> startsAThreadOrExecutor() {
        return DescribedPredicate.describe(
                "Executors.*, Thread.ofVirtual/ofPlatform/startVirtualThread, Thread.Builder.*, "
                        + "ForkJoinPool.commonPool or CompletableFuture.*Async without an executor",
                call -> {
                    var owner = call.getTargetOwner();
                    String name = call.getName();
                    if (owner.isEquivalentTo(Executors.class) || owner.isAssignableTo(Thread.Builder.class)) {
                        return true;
                    }
                    if (owner.isEquivalentTo(Thread.class)) {
                        return name.equals("ofVirtual") || name.equals("ofPlatform") || name.equals("startVirtualThread");
                    }
                    if (owner.isAssignableTo(ForkJoinPool.class)) {
                        return name.equals("commonPool");
                    }
                    if (owner.isAssignableTo(CompletableFuture.class) && name.endsWith("Async")) {
                        return call.getTarget().resolveMember()
                                .map(JavaCodeUnit.class::cast)
                                .map(m -> m.getRawParameterTypes().stream().noneMatch(t -> t.isAssignableTo(Executor.class)))
                                .orElse(true);
                    }
                    return false;
                });
    }

}

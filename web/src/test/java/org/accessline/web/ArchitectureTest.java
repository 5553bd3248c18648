package org.accessline.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The shape docs/architecture.md draws, checked on the product's classes (web sees every module on its test
 * classpath; tests and test jars are left out). Each rule quotes the line of docs/architecture.md it guards.
 */
@AnalyzeClasses(packages = "org.accessline", importOptions = ArchitectureTest.ProductClassesOnly.class)
class ArchitectureTest {
  private static final String GATEWAY = "org.accessline.gateway..";
  private static final String CHANNELS = "org.accessline.channels..";
  private static final String TRANSCRIPTS = "org.accessline.transcripts..";
  private static final String WEB = "org.accessline.web..";
  private static final String BENCH = "org.accessline.bench..";

  /** Where the running application is put together: the only web classes that may hold the stream itself. */
  private static final String[] ASSEMBLY = {"org.accessline.web.Main", "org.accessline.web.Application", "org.accessline.web.Services"};

  // ---- Modules: "Dependencies point one way: channels → gateway ← transcripts, and web depends on all three." ----

  @ArchTest
  static final ArchRule gatewayDependsOnNoOtherModule = noClasses().that().resideInAPackage(GATEWAY)
      .should().dependOnClassesThat().resideInAnyPackage(CHANNELS, TRANSCRIPTS, WEB, BENCH)
      .because("docs/architecture.md: channels → gateway ← transcripts; the gateway is the ground every other module stands on");

  @ArchTest
  static final ArchRule transcriptsNeverDependOnChannelsOrWeb = noClasses().that().resideInAPackage(TRANSCRIPTS)
      .should().dependOnClassesThat().resideInAnyPackage(CHANNELS, WEB, BENCH)
      .because("docs/architecture.md: transcripts must not contain channel or HTTP code");

  @ArchTest
  static final ArchRule channelsNeverDependOnTranscriptsOrWeb = noClasses().that().resideInAPackage(CHANNELS)
      .should().dependOnClassesThat().resideInAnyPackage(TRANSCRIPTS, WEB, BENCH)
      .because("docs/architecture.md: channels → gateway, and nothing else of ours");

  // ---- What each module must not contain (docs/architecture.md's module table) ----

  @ArchTest
  static final ArchRule gatewayHasNoHttpRoutesSqlOrTwilio = noClasses().that().resideInAPackage(GATEWAY)
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "java.sql..", "javax.sql..", "com.twilio..")
      .because("docs/architecture.md: gateway must not contain HTTP routes, SQL, Twilio types");

  @ArchTest
  static final ArchRule channelsHaveNoSql = noClasses().that().resideInAPackage(CHANNELS)
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("docs/architecture.md: channels must not contain SQL");

  @ArchTest
  static final ArchRule transcriptsHaveNoHttpOrTwilio = noClasses().that().resideInAPackage(TRANSCRIPTS)
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.http..", "com.twilio..")
      .because("docs/architecture.md: transcripts must not contain channel or HTTP code");

  // ---- Inside gateway: "Nothing under rules, routing or escalation imports io.vertx." ----

  @ArchTest
  static final ArchRule decisionsAreFreeOfVertx = noClasses()
      .that().resideInAnyPackage("org.accessline.gateway.rules..", "org.accessline.gateway.routing..", "org.accessline.gateway.escalation..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx..")
      .because("docs/architecture.md: decisions are plain functions over data, testable without Vert.x (Vert.x JSON included)");

  // ---- "Channels and web import only ports, signals and the model." ----

  @ArchTest
  static final ArchRule channelsUseOnlyPortsSignalsAndTheModel = noClasses().that().resideInAPackage(CHANNELS)
      .should().dependOnClassesThat(resideInAPackage(GATEWAY)
          .and(not(resideInAnyPackage("org.accessline.gateway.channel..", "org.accessline.gateway.signal..", "org.accessline.gateway.conversation.."))))
      .because("docs/architecture.md: channels import only ports (gateway.channel), signals (gateway.signal) and the model (gateway.conversation);"
          + " in particular no adapter reads the store");

  @ArchTest
  static final ArchRule webReachesTheStreamOnlyWhereTheApplicationIsAssembled = noClasses()
      .that().resideInAPackage(WEB).and().doNotHaveFullyQualifiedName(ASSEMBLY[0])
      .and().doNotHaveFullyQualifiedName(ASSEMBLY[1]).and().doNotHaveFullyQualifiedName(ASSEMBLY[2])
      .should().dependOnClassesThat().resideInAPackage("org.accessline.gateway.stream..")
      .because("docs/architecture.md: web talks to the stream through the Desk and Intake ports; only the assembly builds the stream");

  // ---- "Inside gateway, the floors run from the ground up": no arrow back up ----

  @ArchTest
  static final ArchRule gatewayFloorsPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("model").definedBy("org.accessline.gateway.conversation..")
      .layer("policies").definedBy("org.accessline.gateway.routing..", "org.accessline.gateway.escalation..")
      .layer("signals").definedBy("org.accessline.gateway.signal..")
      .layer("store SPI").definedBy("org.accessline.gateway.store..")
      .layer("ports").definedBy("org.accessline.gateway.channel..")
      .layer("rules").definedBy("org.accessline.gateway.rules..")
      .layer("aggregates").definedBy("org.accessline.gateway.supervision..")
      .layer("shell").definedBy("org.accessline.gateway.stream..")
      .whereLayer("shell").mayNotBeAccessedByAnyLayer()
      .whereLayer("rules").mayOnlyBeAccessedByLayers("shell")
      .whereLayer("aggregates").mayNotBeAccessedByAnyLayer()
      .whereLayer("ports").mayOnlyBeAccessedByLayers("rules", "shell")
      .whereLayer("store SPI").mayOnlyBeAccessedByLayers("rules", "shell")
      .whereLayer("signals").mayOnlyBeAccessedByLayers("ports", "rules", "shell")
      .whereLayer("policies").mayOnlyBeAccessedByLayers("ports", "rules", "aggregates", "shell")
      .because("docs/architecture.md: conversation, signal, channel, rules, stream run from the ground up; a decision never reaches for the shell");

  // ---- No package cycles, in the gateway or in any other module ----

  @ArchTest
  static final ArchRule gatewayPackagesHaveNoCycle = slices().assignedFrom(packagesOf("org.accessline.gateway")).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule channelsPackagesHaveNoCycle = slices().assignedFrom(packagesOf("org.accessline.channels")).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule webPackagesHaveNoCycle = slices().assignedFrom(packagesOf("org.accessline.web")).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule transcriptsPackagesHaveNoCycle = slices().assignedFrom(packagesOf("org.accessline.transcripts")).should().beFreeOfCycles();

  /** One slice per package under {@code base}, the base package itself included (a pattern like {@code base.(*)..} would leave it out). */
  private static SliceAssignment packagesOf(String base) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.equals(base) || pkg.startsWith(base + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "packages of " + base;
      }
    };
  }

  /** The product's own classes: neither test classes nor the modules' test jars. */
  public static final class ProductClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }
  }
}

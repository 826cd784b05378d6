package dev.maas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compiler core knows nothing of Maven; imports point down the floors of the house. */
class LayeringTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.maas");
  }

  @Test
  void coreHasNoMavenImports() {
    noClasses().that().resideOutsideOfPackage("dev.maas.plugin..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
        .because("the compiler core must run without Maven (a CLI or IDE could sit beside the plugin)")
        .check(classes);
  }

  @Test
  void nothingBelowThePluginUsesIt() {
    noClasses().that().resideOutsideOfPackage("dev.maas.plugin..")
        .should().dependOnClassesThat().resideInAPackage("dev.maas.plugin..")
        .check(classes);
  }

  @Test
  void bottomFloorsStayAtTheBottom() {
    noClasses().that().resideInAnyPackage("dev.maas.diag..", "dev.maas.spec..", "dev.maas.model..", "dev.maas.cel..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.maas.validate..", "dev.maas.render..",
            "dev.maas.check..", "dev.maas.output..", "dev.maas.plan..", "dev.maas.publish..", "dev.maas.api..")
        .check(classes);
  }

  @Test
  void checksDoNotShareCodeWithRendering() {
    noClasses().that().resideInAPackage("dev.maas.check..")
        .should().dependOnClassesThat().resideInAPackage("dev.maas.render..")
        .because("the policy proof must not share code paths that could hide the bug it looks for")
        .check(classes);
  }
}

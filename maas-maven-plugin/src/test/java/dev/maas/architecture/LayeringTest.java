package dev.maas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors of the house (docs/architecture.md): every import points down, the front ends call
 * only the api, plan never imports publish, and the checks never share code with the rendering they
 * check.
 */
class LayeringTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.maas");
  }

  @Test
  void importsPointDownTheFloors() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        // floor 6: the front ends
        .layer("plugin")
        .definedBy("dev.maas.plugin..")
        .layer("cli")
        .definedBy("dev.maas.cli..")
        // floor 5: one compilation, several outputs
        .layer("api")
        .definedBy("dev.maas.api..")
        // floor 4: the outputs beside the writer
        .layer("plan")
        .definedBy("dev.maas.plan..")
        .layer("publish")
        .definedBy("dev.maas.publish..")
        // floor 3: the stage list, and the read-only checks of what it produced
        .layer("render")
        .definedBy("dev.maas.render..")
        .layer("check")
        .definedBy("dev.maas.check..")
        // floor 2
        .layer("validate")
        .definedBy("dev.maas.validate..")
        // floor 1
        .layer("model")
        .definedBy("dev.maas.model..")
        .layer("output")
        .definedBy("dev.maas.output..")
        .layer("cel")
        .definedBy("dev.maas.cel..")
        // floor 0
        .layer("spec")
        .definedBy("dev.maas.spec..")
        .layer("diag")
        .definedBy("dev.maas.diag..")
        .layer("concurrent")
        .definedBy("dev.maas.concurrent..")
        // beside the house: the generator of the spec reference
        .layer("docs")
        .definedBy("dev.maas.docs..")
        .whereLayer("plugin")
        .mayOnlyAccessLayers("api", "diag")
        .whereLayer("cli")
        .mayOnlyAccessLayers("api", "diag")
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("plugin", "cli")
        .whereLayer("plan")
        .mayOnlyAccessLayers("check", "model", "output", "spec", "diag", "cel")
        .whereLayer("publish")
        .mayOnlyAccessLayers("output", "diag")
        .whereLayer("render")
        .mayOnlyAccessLayers("model", "output", "spec", "diag", "cel", "concurrent")
        .whereLayer("check")
        .mayOnlyAccessLayers("model", "output", "spec", "diag", "cel", "concurrent")
        .whereLayer("validate")
        .mayOnlyAccessLayers("model", "spec", "diag", "cel")
        .whereLayer("model")
        .mayOnlyAccessLayers("diag")
        .whereLayer("output")
        .mayNotAccessAnyLayer()
        .whereLayer("cel")
        .mayNotAccessAnyLayer()
        .whereLayer("spec")
        .mayOnlyAccessLayers("diag")
        .whereLayer("diag")
        .mayNotAccessAnyLayer()
        .whereLayer("concurrent")
        .mayNotAccessAnyLayer()
        .whereLayer("docs")
        .mayOnlyAccessLayers("validate", "model", "spec", "diag")
        .because(
            "imports point down the floors: the front ends call only the api (and print its diagnostics), plan"
                + " never imports publish, and the checks never share code paths with rendering that could hide the bug"
                + " they look for")
        .check(classes);
  }

  @Test
  void coreHasNoMavenImports() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.maas.plugin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
        .because(
            "the compiler core must run without Maven (a CLI or IDE could sit beside the plugin)")
        .check(classes);
  }
}

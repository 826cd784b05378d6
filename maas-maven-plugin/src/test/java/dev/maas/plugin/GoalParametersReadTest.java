package dev.maas.plugin;

import static dev.maas.plugin.DescriptorXml.child;
import static dev.maas.plugin.DescriptorXml.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Every parameter a goal advertises in the plugin descriptor (and so in docs/goals.md and {@code
 * maas:help}) is read: changing it alone changes the request the goal snapshots before it calls the
 * compiler. A goal that declares a parameter it never reads fails here.
 */
class GoalParametersReadTest {

  @TempDir Path dir;

  /** A user-settable parameter of a goal, as the descriptor lists it. */
  record DeclaredParameter(String name, String type, String defaultValue) {}

  /** A goal of the descriptor: its Mojo class and its user-settable parameters. */
  record DeclaredGoal(String name, String implementation, List<DeclaredParameter> parameters) {}

  @TestFactory
  Stream<DynamicTest> everyDeclaredParameterChangesTheGoalsRequest() throws Exception {
    List<DeclaredGoal> goals = descriptorGoals();
    assertTrue(goals.size() >= 7, "goals in the descriptor: " + goals);
    return goals.stream()
        .flatMap(
            goal ->
                goal.parameters().stream()
                    // maas.skip is read before the snapshot: skippedGoalsReadNothingElse.
                    .filter(p -> !p.name().equals("skip"))
                    .map(
                        p ->
                            DynamicTest.dynamicTest(
                                goal.name() + " reads " + p.name(), () -> assertRead(goal, p))));
  }

  @TestFactory
  Stream<DynamicTest> skippedGoalsReadNothingElse() throws Exception {
    return descriptorGoals().stream()
        .filter(goal -> goal.parameters().stream().anyMatch(p -> p.name().equals("skip")))
        .map(
            goal ->
                DynamicTest.dynamicTest(
                    goal.name() + " skips",
                    () -> {
                      Path work = Files.createDirectories(dir.resolve(goal.name()));
                      MaasGoal<?> mojo = (MaasGoal<?>) baseline(goal, work);
                      mojo.skip = true;
                      // A missing spec fails a goal that runs; a skipped one writes nothing.
                      if (mojo instanceof SpecGoal<?> reader) {
                        reader.spec = work.resolve("missing.yaml").toFile();
                      }
                      mojo.setLog(new QuietLog());
                      mojo.execute();
                      try (Stream<Path> written = Files.list(work)) {
                        assertEquals(List.of(), written.toList());
                      }
                    }));
  }

  private void assertRead(DeclaredGoal goal, DeclaredParameter parameter) throws Exception {
    Path work = Files.createDirectories(dir.resolve(goal.name() + "-" + parameter.name()));
    Object before = outcome(baseline(goal, work));
    ParameterSnapshot<?> changed = baseline(goal, work);
    set(changed, goal.parameters(), parameter.name(), changedValue(parameter, work));
    Object after = outcome(changed);
    assertTrue(
        !Objects.equals(before, after),
        goal.name()
            + " declares "
            + parameter.name()
            + " but its request does not change with it: "
            + before);
  }

  /** The goal's request, or the message it refuses its parameters with. */
  private static Object outcome(ParameterSnapshot<?> mojo) {
    try {
      return mojo.snapshot();
    } catch (MojoFailureException e) {
      return "refused: " + e.getMessage();
    }
  }

  /** The goal as Maven builds it outside a project: each parameter at its declared default. */
  private static ParameterSnapshot<?> baseline(DeclaredGoal goal, Path work) throws Exception {
    Object mojo = Class.forName(goal.implementation()).getDeclaredConstructor().newInstance();
    ParameterSnapshot<?> snapshot = assertInstanceOf(ParameterSnapshot.class, mojo, goal.name());
    if (mojo instanceof MaasGoal<?> maasGoal) {
      maasGoal.basedir = work.toFile();
    }
    for (DeclaredParameter p : goal.parameters()) {
      set(snapshot, goal.parameters(), p.name(), defaultValue(p, work));
    }
    return snapshot;
  }

  private static Object defaultValue(DeclaredParameter p, Path work) {
    String value = p.defaultValue();
    return switch (p.type()) {
      case "boolean" -> Boolean.parseBoolean(value);
      case "int" -> value == null ? 0 : Integer.parseInt(value);
      case "java.io.File" ->
          value == null ? null : new File(value.replace("${basedir}", work.toString()));
      case "java.lang.String" -> value;
      default -> throw new AssertionError("no default for a parameter of type " + p.type());
    };
  }

  /** A value other than the default, one a run could use: an existing folder for a file. */
  private static Object changedValue(DeclaredParameter p, Path work) throws Exception {
    Object value = defaultValue(p, work);
    return switch (p.type()) {
      case "boolean" -> !(Boolean) value;
      case "int" -> (Integer) value + 1;
      case "java.io.File" -> Files.createDirectories(work.resolve("changed-" + p.name())).toFile();
      case "java.lang.String" -> "changed-" + p.name();
      default -> throw new AssertionError(p.type());
    };
  }

  private static void set(Object mojo, List<DeclaredParameter> declared, String name, Object value)
      throws Exception {
    assertTrue(declared.stream().anyMatch(p -> p.name().equals(name)), name);
    for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(mojo, value);
        return;
      } catch (NoSuchFieldException e) {
        // declared by a superclass
      }
    }
    throw new AssertionError(mojo.getClass().getSimpleName() + " has no field " + name);
  }

  /** The goals of the descriptor the build generated, with the parameters a user can set. */
  private static List<DeclaredGoal> descriptorGoals() throws Exception {
    List<DeclaredGoal> goals = new ArrayList<>();
    for (Element mojo : DescriptorXml.mojos()) {
      Element configuration = child(mojo, "configuration");
      List<DeclaredParameter> parameters = new ArrayList<>();
      for (Element p : DescriptorXml.parameters(mojo)) {
        if (text(p, "editable").equals("true")) {
          String name = text(p, "name");
          Element config = configuration == null ? null : child(configuration, name);
          String defaultValue =
              config == null || !config.hasAttribute("default-value")
                  ? null
                  : config.getAttribute("default-value");
          parameters.add(new DeclaredParameter(name, text(p, "type"), defaultValue));
        }
      }
      goals.add(new DeclaredGoal(text(mojo, "goal"), text(mojo, "implementation"), parameters));
    }
    return goals;
  }
}

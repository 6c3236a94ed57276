import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one module, as a sorted text listing compared with the snapshot committed in the repository
 * ({@code <module>/api/<module>.api}), in the spirit of Kotlin's binary-compatibility validator. The build runs it
 * after compiling each library module (see the root POM, execution {@code api-check}); it fails when the compiled
 * API differs from the snapshot and says how to update it.
 *
 * <p>The API is every public or protected type outside {@code .internal} packages that code outside the module can
 * reach (enclosing types included), with its declaration (kind, type parameters, supertypes, permitted subtypes) and
 * its public and protected constructors, methods and fields. Classes are loaded without being initialized.
 *
 * <p>Usage: {@code java -cp <module classes and dependencies> ApiSnapshot.java <module> <classes dir> <snapshot>
 * <update: true|false>}
 */
public final class ApiSnapshot {
  private ApiSnapshot() {}

  public static void main(String[] args) throws Exception {
    String module = args[0];
    Path classes = Path.of(args[1]);
    Path snapshot = Path.of(args[2]);
    boolean update = Boolean.parseBoolean(args[3]);
    List<String> api = listing(classes);
    if (update) {
      Files.createDirectories(snapshot.getParent());
      Files.write(snapshot, api, StandardCharsets.UTF_8);
      System.out.println("[api] wrote " + snapshot + " (" + api.size() + " lines)");
      return;
    }
    List<String> committed = Files.exists(snapshot) ? Files.readAllLines(snapshot, StandardCharsets.UTF_8)
        : List.of();
    if (committed.equals(api)) {
      System.out.println("[api] " + module + ": public API matches " + snapshot.getFileName());
      return;
    }
    Set<String> removed = new LinkedHashSet<>(committed);
    api.forEach(removed::remove);
    Set<String> added = new LinkedHashSet<>(api);
    committed.forEach(added::remove);
    System.err.println("[api] The public API of " + module + " differs from " + snapshot + ":");
    removed.forEach(l -> System.err.println("[api]   - " + l));
    added.forEach(l -> System.err.println("[api]   + " + l));
    System.err.println("[api] If the change is intended (and docs/api.md still says what is public and why), "
        + "update the snapshot and commit it:");
    System.err.println("[api]     mvn -pl " + module + " -am process-classes -Dapi.update=true");
    System.err.println("[api] Otherwise make the new types package-private or move them to an .internal package.");
    System.exit(1);
  }

  static List<String> listing(Path classes) throws IOException, ClassNotFoundException {
    TreeMap<String, List<String>> types = new TreeMap<>();
    ClassLoader loader = ApiSnapshot.class.getClassLoader();
    for (String name : classNames(classes)) {
      Class<?> c = Class.forName(name, false, loader);
      if (reachable(c)) {
        types.put(c.getName(), describe(c));
      }
    }
    List<String> out = new ArrayList<>();
    types.values().forEach(out::addAll);
    return out;
  }

  private static List<String> classNames(Path classes) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && !p.endsWith("package-info.class") && !p.endsWith("module-info.class"))
          .filter(p -> !p.contains("/internal/"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .sorted().toList();
    }
  }

  /** Public or protected, not synthetic, anonymous or local, and so are all its enclosing types. */
  private static boolean reachable(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (k.isSynthetic() || k.isAnonymousClass() || k.isLocalClass() || !visible(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> describe(Class<?> c) {
    List<String> lines = new ArrayList<>();
    lines.add(short_(declaration(c)));
    List<String> members = new ArrayList<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic()) {
        members.add(member(c, k, k.toGenericString()));
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        members.add(member(c, m, m.toGenericString()));
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        members.add(member(c, f, f.toGenericString()));
      }
    }
    members.stream().sorted().forEach(m -> lines.add("  " + m));
    return lines;
  }

  private static String declaration(Class<?> c) {
    StringBuilder s = new StringBuilder(c.toGenericString());
    Type superclass = c.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && superclass != Record.class
        && !(c.isEnum() && c.getSuperclass() == Enum.class)) {
      s.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = c.getGenericInterfaces();
    if (interfaces.length > 0) {
      s.append(c.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
          .map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    if (c.isSealed()) {
      s.append(" permits ").append(Arrays.stream(c.getPermittedSubclasses()).map(Class::getName).sorted()
          .collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  /** The member's generic string without its declaring type before its name. */
  private static String member(Class<?> owner, Member m, String generic) {
    return short_(generic.replace(owner.getName() + "." + m.getName(), m.getName())
        .replace(owner.getName() + "(", m.getName().substring(m.getName().lastIndexOf('.') + 1) + "("));
  }

  /** Without {@code java.lang.} before a type name, which every listing would repeat. */
  private static String short_(String s) {
    return s.replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
  }
}

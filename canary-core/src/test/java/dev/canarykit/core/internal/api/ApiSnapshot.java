package dev.canarykit.core.internal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
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
 * The public API of one module, listed from its compiled classes and compared with the listing committed at
 * {@code <module>/api/<module>.api}: every public or protected type outside {@code .internal} packages, each with
 * its public and protected members, sorted. A module's {@code ApiSnapshotTest} fails when the two differ, so a
 * change of the public API is always a reviewed change of that file. Not part of canarykit's API.
 */
public final class ApiSnapshot {

  /** The system property that rewrites the committed listing instead of comparing with it. */
  public static final String UPDATE = "api.update";

  private static final int ACCESS = Modifier.PUBLIC | Modifier.PROTECTED;
  private static final int MAX_DIFF_LINES = 60;

  private ApiSnapshot() {}

  /**
   * Compares the public API of the module that holds {@code anyMainClass} with its committed listing, or rewrites
   * the listing when the system property {@value #UPDATE} is {@code true}.
   *
   * @param module the module's directory name, which names the listing ({@code api/<module>.api})
   * @param anyMainClass a class of the module's main code, which locates its compiled classes
   * @throws AssertionError naming every added and removed line, and the command that updates the listing
   */
  public static void check(String module, Class<?> anyMainClass) {
    Path classes = classesDirectory(anyMainClass);
    List<String> hidden = hiddenTypes(apiTypes(classes, anyMainClass.getClassLoader()));
    if (!hidden.isEmpty()) {
      throw new AssertionError("The public API of " + module + " names types users cannot use (make them public"
          + " API, or keep them out of public signatures):\n" + String.join("\n", hidden));
    }
    String actual = listing(classes, anyMainClass.getClassLoader());
    Path committed = Path.of("api", module + ".api");
    try {
      if (Boolean.getBoolean(UPDATE)) {
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, actual);
        return;
      }
      String expected = Files.exists(committed) ? Files.readString(committed) : "";
      if (!expected.equals(actual)) {
        throw new AssertionError(message(module, committed, expected, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + committed.toAbsolutePath(), e);
    }
  }

  /** The listing of every API type compiled into {@code classes}, one type header then its members, sorted. */
  static String listing(Path classes, ClassLoader loader) {
    var types = new TreeMap<String, List<String>>();
    for (Class<?> type : apiTypes(classes, loader)) {
      types.put(type.getName(), members(type));
    }
    var out = new StringBuilder();
    types.forEach((name, lines) -> lines.forEach(line -> out.append(line).append('\n')));
    return out.toString();
  }

  /**
   * Every API type or member whose signature names a canarykit type that is not API (package-private, or in a
   * {@code .internal} package): such a member cannot be used, or leaks what may change.
   */
  static List<String> hiddenTypes(List<Class<?>> apiTypes) {
    var found = new java.util.TreeSet<String>();
    for (Class<?> type : apiTypes) {
      var named = new ArrayList<Type>();
      named.add(type.getGenericSuperclass());
      named.addAll(Arrays.asList(type.getGenericInterfaces()));
      report(found, type.getName(), named);
      for (Field f : type.getDeclaredFields()) {
        if (api(f.getModifiers()) && !f.isSynthetic()) {
          report(found, type.getName() + "." + f.getName(), List.of(f.getGenericType()));
        }
      }
      var executables = new ArrayList<Executable>(Arrays.asList(type.getDeclaredConstructors()));
      executables.addAll(Arrays.asList(type.getDeclaredMethods()));
      for (Executable e : executables) {
        if (api(e.getModifiers()) && !e.isSynthetic() && !(e instanceof Method m && m.isBridge())) {
          var types = new ArrayList<Type>(Arrays.asList(e.getGenericParameterTypes()));
          types.addAll(Arrays.asList(e.getGenericExceptionTypes()));
          if (e instanceof Method m) {
            types.add(m.getGenericReturnType());
          }
          report(found, type.getName() + "." + e.getName() + "(...)", types);
        }
      }
    }
    return List.copyOf(found);
  }

  private static void report(Set<String> found, String where, List<Type> types) {
    for (Type t : types) {
      for (Class<?> c : classesIn(t, new ArrayList<>())) {
        if (c.getName().startsWith("dev.canarykit.") && (!visible(c) || c.getName().contains(".internal."))) {
          found.add("  " + where + " names " + c.getName());
        }
      }
    }
  }

  private static List<Class<?>> classesIn(Type t, List<Class<?>> out) {
    if (t instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (t instanceof java.lang.reflect.ParameterizedType p) {
      classesIn(p.getRawType(), out);
      Arrays.stream(p.getActualTypeArguments()).forEach(a -> classesIn(a, out));
    } else if (t instanceof java.lang.reflect.WildcardType w) {
      Arrays.stream(w.getUpperBounds()).forEach(b -> classesIn(b, out));
      Arrays.stream(w.getLowerBounds()).forEach(b -> classesIn(b, out));
    } else if (t instanceof java.lang.reflect.GenericArrayType g) {
      classesIn(g.getGenericComponentType(), out);
    }
    return out;
  }

  private static String message(String module, Path committed, String expected, String actual) {
    Set<String> before = new LinkedHashSet<>(expected.lines().toList());
    Set<String> after = new LinkedHashSet<>(actual.lines().toList());
    List<String> diff = new ArrayList<>();
    before.stream().filter(line -> !after.contains(line)).forEach(line -> diff.add("- " + line));
    after.stream().filter(line -> !before.contains(line)).forEach(line -> diff.add("+ " + line));
    String shown = diff.stream().limit(MAX_DIFF_LINES).collect(Collectors.joining("\n"));
    String more = diff.size() > MAX_DIFF_LINES ? "\n... and " + (diff.size() - MAX_DIFF_LINES) + " more" : "";
    return "The public API of " + module + " differs from " + module + "/" + committed + ":\n" + shown + more
        + "\nIf the change is intended, update the listing and commit it with your change:\n"
        + "  mvn -B test -Dtest=ApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true\n"
        + "If it is not, make the new types and members package-private or move them to a .internal package"
        + " (docs/api.md).";
  }

  private static Path classesDirectory(Class<?> anyMainClass) {
    try {
      return Path.of(anyMainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no classes directory for " + anyMainClass.getName(), e);
    }
  }

  private static List<Class<?>> apiTypes(Path classes, ClassLoader loader) {
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .map(classes::relativize)
          .map(Path::toString)
          .filter(f -> f.endsWith(".class") && !f.endsWith("package-info.class") && !f.endsWith("module-info.class"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
          .filter(name -> !name.contains(".internal.") && !name.contains(".jmh_generated."))
          .<Class<?>>map(name -> load(name, loader))
          .filter(ApiSnapshot::visible)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + classes, e);
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("compiled class not loadable: " + name, e);
    }
  }

  /** Public or protected, and so is every class that encloses it. */
  private static boolean visible(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if ((c.getModifiers() & ACCESS) == 0) {
        return false;
      }
    }
    return true;
  }

  private static List<String> members(Class<?> type) {
    var lines = new ArrayList<String>();
    for (Field f : type.getDeclaredFields()) {
      if (api(f.getModifiers()) && !f.isSynthetic()) {
        lines.add("  " + modifiers(f.getModifiers(), type) + name(f.getGenericType()) + " " + f.getName());
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (api(c.getModifiers()) && !c.isSynthetic()) {
        lines.add("  " + modifiers(c.getModifiers(), type) + typeParameters(c.getTypeParameters())
            + (c.getTypeParameters().length > 0 ? " " : "") + simpleName(type) + signature(c));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (api(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        String modifiers = modifiers(m.getModifiers(), type) + (m.isDefault() ? "default " : "");
        String typeParameters = typeParameters(m.getTypeParameters());
        lines.add("  " + modifiers + typeParameters + (typeParameters.isEmpty() ? "" : " ")
            + name(m.getGenericReturnType()) + " "
            + m.getName() + signature(m));
      }
    }
    lines.sort(null);
    lines.add(0, header(type));
    return lines;
  }

  private static boolean api(int modifiers) {
    return (modifiers & ACCESS) != 0;
  }

  private static String header(Class<?> type) {
    int shown = type.getModifiers() & (ACCESS | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT);
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
      shown &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isInterface()) {
      kind = "interface";
      shown &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    } else if (type.isEnum()) {
      kind = "enum";
      shown &= ~(Modifier.FINAL | Modifier.STATIC | Modifier.ABSTRACT);
    } else if (type.isRecord()) {
      kind = "record";
      shown &= ~(Modifier.FINAL | Modifier.STATIC);
    } else {
      kind = "class";
    }
    var header = new StringBuilder(Modifier.toString(shown)).append(' ');
    if (type.isSealed()) {
      header.append("sealed ");
    }
    header.append(kind).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      header.append(" extends ").append(name(superclass));
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      header.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(ApiSnapshot::name).sorted().collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      header.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
          .map(Class::getName).sorted().collect(Collectors.joining(", ")));
    }
    return header.toString();
  }

  private static String modifiers(int modifiers, Class<?> owner) {
    int shown = modifiers & (ACCESS | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT);
    if (owner.isInterface()) {
      shown &= ~Modifier.ABSTRACT;
    }
    String text = Modifier.toString(shown);
    return text.isEmpty() ? "" : text + " ";
  }

  private static String signature(Executable e) {
    Type[] parameters = e.getGenericParameterTypes();
    if (parameters.length != e.getParameterCount()) {
      parameters = e.getParameterTypes(); // inner-class and enum constructors carry synthetic parameters
    }
    var text = new ArrayList<String>();
    for (int i = 0; i < parameters.length; i++) {
      String name = name(parameters[i]);
      if (e.isVarArgs() && i == parameters.length - 1) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      text.add(name);
    }
    String throwsClause = e.getGenericExceptionTypes().length == 0 ? "" : " throws " + Arrays
        .stream(e.getGenericExceptionTypes()).map(ApiSnapshot::name).collect(Collectors.joining(", "));
    return "(" + String.join(", ", text) + ")" + throwsClause;
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables).map(v -> {
      String bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).map(ApiSnapshot::name)
          .collect(Collectors.joining(" & "));
      return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + bounds;
    }).collect(Collectors.joining(", ", "<", ">"));
  }

  private static String simpleName(Class<?> type) {
    return type.getSimpleName();
  }

  private static String name(Type type) {
    return type.getTypeName().replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
  }
}

package ttlab.grader.grade;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the classes a submission defines may use, checked on their bytecode as they are loaded
 * (so nothing depends on how the code is spelled: {@code var rt = Runtime.getRuntime()}, a method
 * reference {@code System::exit}, a fully qualified name, all compile to the same instructions).
 *
 * <p>Refused: reflection and method handles ({@code java.lang.reflect}, {@code java.lang.invoke}
 * beyond what lambdas, string concatenation and records compile to, the reflective methods of
 * {@code Class}), {@code sun.*}, {@code jdk.internal.*} and {@code com.sun.*} ({@code Unsafe}),
 * processes, files, the network, class loaders, native libraries, {@code Runtime.halt}, the
 * system's properties and environment, JUnit's extension and platform types (and classes that
 * implement or extend them), the grader's and the cell engine's own classes, and, per exercise set,
 * the course library's calls that its master forbids ({@code metadata.ttlab.forbid}).
 *
 * <p>A method that uses one of them is replaced by one that throws {@link Disallowed} with what it
 * used and where; the rest of the class stays. So the exercise whose code uses it fails, with that
 * message, and nothing else does. Each refusal is also recorded for the results.
 *
 * <p>Only the submission's classes are checked: the master's test cells and locked cells are
 * evaluated after {@link #trustNewSnippets()}, and classes of snippets created from then on pass.
 * A submission's snippet that JShell recompiles later keeps its id, and stays checked.
 */
final class BytecodeAllowlist {

    /** Thrown by a method of the submission that used what graded code may not use. */
    public static final class Disallowed extends SecurityException {
        public Disallowed(String message) {
            super(message);
        }
    }

    /** One refusal: the class (as JShell names it), the method, and what it used. */
    record Refusal(String className, String method, String api, String category) {
    }

    /** A refused use found in a method: what it names (e.g. "java.lang.Runtime.exec") and its category. */
    private record Use(String what, String category) {
    }

    private static final Pattern SNIPPET = Pattern.compile("^REPL[./]\\$JShell\\$(\\d+)");
    private static final String DISALLOWED = Type.getInternalName(Disallowed.class);

    /** Owners refused whole, by internal-name prefix, with their category. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("java/lang/reflect/", "reflection"),
            Map.entry("java/lang/invoke/", "reflection"),
            Map.entry("sun/", "internal"),
            Map.entry("jdk/internal/", "internal"),
            Map.entry("com/sun/", "internal"),
            Map.entry("java/lang/ProcessBuilder", "process"),
            Map.entry("java/lang/Process", "process"),
            Map.entry("java/lang/ProcessHandle", "process"),
            Map.entry("java/lang/ClassLoader", "class-loader"),
            Map.entry("java/lang/ModuleLayer", "class-loader"),
            Map.entry("java/lang/Module", "class-loader"),
            Map.entry("java/security/SecureClassLoader", "class-loader"),
            Map.entry("java/net/", "network"),
            Map.entry("javax/net/", "network"),
            Map.entry("java/io/File", "file-io"),
            Map.entry("java/io/RandomAccessFile", "file-io"),
            Map.entry("java/nio/file/", "file-io"),
            Map.entry("java/nio/channels/", "file-io"),
            Map.entry("javax/imageio/", "file-io"),
            Map.entry("java/util/logging/FileHandler", "file-io"),
            Map.entry("org/junit/jupiter/api/extension/", "test-framework"),
            Map.entry("org/junit/platform/", "test-framework"),
            Map.entry("ttlab/grader/", "grader"),
            Map.entry("ttlab/kernel/engine/", "grader"),
            // the kernel's benchmarks start JVMs of their own: a process through a library call
            Map.entry("ttlab/kernel/bench/", "process"),
            // reads the notebook files beside the kernel (SavedNotebook): no graded code needs it
            Map.entry("ttlab/kernel/exercise/", "grader"));

    /** Lambdas, string concatenation, records and pattern switches compile to these bootstraps. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");

    /** Members of otherwise allowed classes that are refused. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "java/lang/Runtime", Set.of("exec", "halt", "load", "loadLibrary", "addShutdownHook",
                    "removeShutdownHook"),
            "java/lang/System", Set.of("load", "loadLibrary", "getenv", "getProperties", "getProperty",
                    "setProperty", "setProperties", "clearProperty", "setIn", "setOut", "setErr", "console",
                    "inheritedChannel", "setSecurityManager", "getLogger"),
            "java/lang/Class", Set.of("forName", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
                    "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor",
                    "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "newInstance",
                    "getClassLoader", "getResource", "getResourceAsStream", "getProtectionDomain",
                    "getRecordComponents", "getDeclaredClasses", "getClasses", "getEnclosingMethod",
                    "getModule"),
            "java/lang/Thread", Set.of("getContextClassLoader", "setContextClassLoader", "stop",
                    "setDefaultUncaughtExceptionHandler", "getAllStackTraces"));

    private final List<String> forbidden;
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private volatile int trustedFrom = Integer.MAX_VALUE;

    /** @param forbidden the master's forbidden library calls, qualified names of packages, classes or methods */
    BytecodeAllowlist(List<String> forbidden) {
        this.forbidden = forbidden.stream().map(f -> f.replace('.', '/')).toList();
    }

    /** From now on, classes of new snippets are the master's (its test and locked cells) and pass. */
    void trustNewSnippets(int nextSnippetId) {
        trustedFrom = nextSnippetId;
    }

    /** The refusals so far. */
    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** The class file, with each method that uses a refused API replaced; unchanged when none does. */
    byte[] check(String name, byte[] bytes) {
        Matcher m = SNIPPET.matcher(name);
        if (m.find() && Integer.parseInt(m.group(1)) >= trustedFrom) {
            return bytes;
        }
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        String hierarchy = refusedSupertype(node);
        boolean changed = false;
        for (MethodNode method : node.methods) {
            Use refused = hierarchy != null ? new Use(hierarchy, "test-framework") : firstRefused(method);
            if (refused != null && method.instructions.size() > 0) {
                String where = describe(node.name, method.name);
                refusals.add(new Refusal(node.name.replace('/', '.'), method.name, refused.what(), refused.category()));
                replaceBody(method, refused.what() + " may not be used in graded code (" + where + ")");
                changed = true;
            }
        }
        if (!changed) {
            return bytes;
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    /** A class that implements or extends a refused type (a JUnit extension, a class loader). */
    private String refusedSupertype(ClassNode node) {
        List<String> supertypes = new ArrayList<>(node.interfaces);
        if (node.superName != null) {
            supertypes.add(node.superName);
        }
        for (String type : supertypes) {
            if (category(type) != null) {
                return type.replace('/', '.');
            }
        }
        return null;
    }

    /** The first refused use in a method, or null. */
    private Use firstRefused(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            Use refused = refused(insn);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    private Use refused(AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode call) {
            return member(call.owner, call.name);
        }
        if (insn instanceof FieldInsnNode field) {
            return type(field.owner);
        }
        if (insn instanceof TypeInsnNode type) {
            return type(Type.getType(type.desc.startsWith("[") ? type.desc : "L" + type.desc + ";"));
        }
        if (insn instanceof MultiANewArrayInsnNode array) {
            return type(Type.getType(array.desc));
        }
        if (insn instanceof LdcInsnNode ldc) {
            return constant(ldc.cst);
        }
        if (insn instanceof InvokeDynamicInsnNode indy) {
            if (!BOOTSTRAPS.contains(indy.bsm.getOwner())) {
                return new Use("invokedynamic with " + indy.bsm.getOwner().replace('/', '.'), "reflection");
            }
            for (Object arg : indy.bsmArgs) {
                Use refused = constant(arg);
                if (refused != null) {
                    return refused;
                }
            }
        }
        return null;
    }

    private Use constant(Object constant) {
        if (constant instanceof Handle handle) {
            return member(handle.getOwner(), handle.getName());
        }
        if (constant instanceof Type type && type.getSort() != Type.METHOD) {
            return type(type);
        }
        if (constant instanceof ConstantDynamic) {
            return new Use("a dynamic constant", "reflection");
        }
        return null;
    }

    private Use member(String owner, String name) {
        Use refused = type(owner);
        if (refused != null) {
            return new Use(refused.what() + "." + name, refused.category());
        }
        Set<String> members = MEMBERS.get(owner);
        if (members != null && members.contains(name)) {
            return new Use(owner.replace('/', '.') + "." + name, categoryOfMember(owner));
        }
        String qualified = owner + "/" + name;
        for (String f : forbidden) {
            if (qualified.equals(f) || qualified.startsWith(f + "/")) {
                return new Use(owner.replace('/', '.') + "." + name, "forbidden-by-exercise");
            }
        }
        return null;
    }

    private Use type(Type type) {
        Type t = type;
        while (t.getSort() == Type.ARRAY) {
            t = t.getElementType();
        }
        return t.getSort() == Type.OBJECT ? type(t.getInternalName()) : null;
    }

    private Use type(String internalName) {
        String category = category(internalName);
        if (category != null) {
            return new Use(internalName.replace('/', '.'), category);
        }
        for (String f : forbidden) {
            if (internalName.equals(f) || internalName.startsWith(f + "/") || internalName.startsWith(f + "$")) {
                return new Use(internalName.replace('/', '.'), "forbidden-by-exercise");
            }
        }
        return null;
    }

    private static String category(String internalName) {
        for (Map.Entry<String, String> p : PACKAGES.entrySet()) {
            String prefix = p.getKey();
            boolean matches = prefix.endsWith("/") ? internalName.startsWith(prefix)
                    : internalName.equals(prefix) || internalName.startsWith(prefix + "$")
                    || (prefix.equals("java/io/File") && internalName.startsWith(prefix));
            if (matches) {
                return p.getValue();
            }
        }
        return null;
    }

    private static String categoryOfMember(String owner) {
        return switch (owner) {
            case "java/lang/Runtime" -> "process";
            case "java/lang/Class" -> "reflection";
            default -> "system";
        };
    }

    /** "in square", "in Helper.run", "in a lambda": where, as the student wrote it. */
    static String describe(String internalClassName, String method) {
        String binary = internalClassName.replace('/', '.');
        String declared = RunningCode.notebookName(binary);
        String owner = declared == null ? "" : declared.replace('$', '.') + ".";
        if (method.startsWith("lambda$")) {
            return "in a lambda" + (declared == null ? "" : " in " + owner.substring(0, owner.length() - 1));
        }
        if (method.equals("do_it$")) {
            return "in a statement of the cell";
        }
        return "in " + owner + (method.equals("<init>") ? "a constructor" : method.equals("<clinit>") ? "a static initializer" : method);
    }

    /** The method's body becomes: throw new Disallowed(message). */
    private static void replaceBody(MethodNode method, String message) {
        InsnList body = new InsnList();
        body.add(new TypeInsnNode(Opcodes.NEW, DISALLOWED));
        body.add(new InsnNode(Opcodes.DUP));
        body.add(new LdcInsnNode(message));
        body.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, DISALLOWED, "<init>", "(Ljava/lang/String;)V", false));
        body.add(new InsnNode(Opcodes.ATHROW));
        method.instructions = body;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        method.visibleTypeAnnotations = null;
        method.invisibleTypeAnnotations = null;
    }
}

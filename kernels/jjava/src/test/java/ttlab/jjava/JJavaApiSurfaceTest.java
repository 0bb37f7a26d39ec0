package ttlab.jjava;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import ttlab.course.Vectors;
import ttlab.grader.Check;
import ttlab.kernel.Notebook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jjava-jupyter members that course code calls when it runs inside upstream JJava: the
 * extension, the notebook helpers ({@code ttlab.kernel.Notebook}), the renderers and progress
 * line ({@code ttlab.kernel.display}), the course library, and the grader's {@code check} and
 * {@code submit}. That code is compiled against jjava-jupyter 1.0-a6 but linked against whatever
 * JJava ships, so a member whose signature changed is a {@link NoSuchMethodError} in a student's
 * cell (as {@code DisplayData.setDisplayId} was: it returns {@code void} in 1.0-a6 and
 * {@code DisplayData} later). Each member below was checked to have the same descriptor in 1.0-a6
 * and in JJava built from its sources (1.0-SNAPSHOT of February 2026); a new one must be checked
 * the same way before it is added.
 */
class JJavaApiSurfaceTest {

    private static final String JJAVA = "org/dflib/jjava/";

    private static final Set<String> CHECKED = Set.of(
            "org/dflib/jjava/jupyter/kernel/BaseKernel.display(Lorg/dflib/jjava/jupyter/kernel/display/DisplayData;)V",
            "org/dflib/jjava/jupyter/kernel/BaseKernel.evalRaw(Ljava/lang/String;)Ljava/lang/Object;",
            "org/dflib/jjava/jupyter/kernel/BaseKernel.getIO()Lorg/dflib/jjava/jupyter/kernel/JupyterIO;",
            "org/dflib/jjava/jupyter/kernel/BaseKernel.getRenderer()Lorg/dflib/jjava/jupyter/kernel/display/Renderer;",
            "org/dflib/jjava/jupyter/kernel/BaseKernel.notebookKernel()Lorg/dflib/jjava/jupyter/kernel/BaseKernel;",
            "org/dflib/jjava/jupyter/kernel/DisplayStream.updateDisplay(Ljava/lang/String;Lorg/dflib/jjava/jupyter/kernel/display/DisplayData;)V",
            "org/dflib/jjava/jupyter/kernel/JupyterIO.display:Lorg/dflib/jjava/jupyter/kernel/DisplayStream;",
            "org/dflib/jjava/jupyter/kernel/display/DisplayData.<init>()V",
            "org/dflib/jjava/jupyter/kernel/display/DisplayData.<init>(Ljava/lang/String;)V",
            "org/dflib/jjava/jupyter/kernel/display/DisplayData.getDisplayId()Ljava/lang/String;",
            "org/dflib/jjava/jupyter/kernel/display/DisplayData.hasDisplayId()Z",
            "org/dflib/jjava/jupyter/kernel/display/DisplayData.putData(Ljava/lang/String;Ljava/lang/Object;)V",
            "org/dflib/jjava/jupyter/kernel/display/DisplayData.putHTML(Ljava/lang/String;)V",
            "org/dflib/jjava/jupyter/kernel/display/DisplayData.putTransientData(Ljava/lang/String;Ljava/lang/Object;)V",
            "org/dflib/jjava/jupyter/kernel/display/RenderContext.renderIfRequested(Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;Ljava/util/function/Supplier;)Z",
            "org/dflib/jjava/jupyter/kernel/display/Renderer$RenderRegistration.preferring([Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;)Lorg/dflib/jjava/jupyter/kernel/display/Renderer$RenderRegistration;",
            "org/dflib/jjava/jupyter/kernel/display/Renderer$RenderRegistration.register(Lorg/dflib/jjava/jupyter/kernel/display/RenderFunction;)V",
            "org/dflib/jjava/jupyter/kernel/display/Renderer$RenderRegistration.supporting([Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;)Lorg/dflib/jjava/jupyter/kernel/display/Renderer$RenderRegistration;",
            "org/dflib/jjava/jupyter/kernel/display/Renderer.createRegistration(Ljava/lang/Class;)Lorg/dflib/jjava/jupyter/kernel/display/Renderer$RenderRegistration;",
            "org/dflib/jjava/jupyter/kernel/display/Renderer.register(Ljava/util/Set;Ljava/util/Set;Ljava/util/Set;Lorg/dflib/jjava/jupyter/kernel/display/RenderFunction;)V",
            "org/dflib/jjava/jupyter/kernel/display/Renderer.render(Ljava/lang/Object;)Lorg/dflib/jjava/jupyter/kernel/display/DisplayData;",
            "org/dflib/jjava/jupyter/kernel/display/Renderer.renderAs(Ljava/lang/Object;[Ljava/lang/String;)Lorg/dflib/jjava/jupyter/kernel/display/DisplayData;",
            "org/dflib/jjava/jupyter/kernel/display/mime/MIMEType.IMAGE_PNG:Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;",
            "org/dflib/jjava/jupyter/kernel/display/mime/MIMEType.TEXT_HTML:Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;",
            "org/dflib/jjava/jupyter/kernel/display/mime/MIMEType.TEXT_LATEX:Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;",
            "org/dflib/jjava/jupyter/kernel/display/mime/MIMEType.TEXT_MARKDOWN:Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;",
            "org/dflib/jjava/jupyter/kernel/display/mime/MIMEType.TEXT_PLAIN:Lorg/dflib/jjava/jupyter/kernel/display/mime/MIMEType;");

    @Test
    void courseCodeOnJJavaCallsOnlyMembersCheckedAgainstJJavasApi() throws Exception {
        Set<String> used = new TreeSet<>();
        scan(CourseExtension.class, "ttlab/jjava/", used);
        scan(Notebook.class, "ttlab/kernel/Notebook.class", used);
        scan(Notebook.class, "ttlab/kernel/display/", used);
        scan(Check.class, "ttlab/grader/Check", used);
        scan(Check.class, "ttlab/grader/Submit", used);
        scan(Vectors.class, "ttlab/course/", used);
        assertThat(used).as("jjava-jupyter members called by code that runs inside JJava").isNotEmpty()
                .isSubsetOf(CHECKED);
    }

    /** Adds the jjava-jupyter members that classes under {@code prefix}, in {@code anchor}'s jar or folder, use. */
    private static void scan(Class<?> anchor, String prefix, Set<String> used) throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            scanTree(location, prefix, used);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                scanTree(jar.getPath("/"), prefix, used);
            }
        }
    }

    private static void scanTree(Path root, String prefix, Set<String> used) throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> root.relativize(f).toString().startsWith(prefix)).toList();
        }
        assertThat(classes).as("classes under " + prefix + " in " + root).isNotEmpty();
        for (Path c : classes) {
            try (InputStream in = Files.newInputStream(c)) {
                new ClassReader(in).accept(new References(used), ClassReader.SKIP_DEBUG);
            }
        }
    }

    /** Collects the jjava-jupyter methods and fields a class's code calls or reads, lambdas included. */
    private static final class References extends ClassVisitor {
        private final Set<String> used;

        References(Set<String> used) {
            super(Opcodes.ASM9);
            this.used = used;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    add(owner, member + desc);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    add(owner, member + ":" + desc);
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                    for (Object arg : args) {
                        if (arg instanceof Handle h) {
                            add(h.getOwner(), h.getName() + h.getDesc());
                        }
                    }
                }
            };
        }

        private void add(String owner, String member) {
            if (owner.startsWith(JJAVA)) {
                used.add(owner + "." + member);
            }
        }
    }
}

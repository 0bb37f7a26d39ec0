package ttlab.kernel.engine;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites each class a cell defines before it is loaded: loop checks that make it stoppable
 * ({@link LoopChecks}) and exit calls that would end the kernel's JVM ({@link ExitCalls}).
 */
public final class SnippetInstrumenter {

    private SnippetInstrumenter() {
    }

    /** Returns the instrumented class file. */
    public static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode node = new ClassNode();
        reader.accept(node, 0);
        for (MethodNode method : node.methods) {
            if (method.instructions.size() > 0) {
                ExitCalls.redirect(method.instructions);
                LoopChecks.insert(method.instructions);
            }
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }
}

package ttlab.kernel.engine;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Sends notebook calls of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} to
 * {@link ExitGuard} instead: cells run in the kernel's own JVM, where an exit would end the kernel
 * and lose every variable (and, when grading, the grader's worker). The replacement static
 * methods take the same operands (the receiver becomes the first argument), so the operand stack
 * and the stack map frames are unchanged.
 */
final class ExitCalls {

    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String GUARD = Type.getInternalName(ExitGuard.class);

    private ExitCalls() {
    }

    static void redirect(InsnList code) {
        for (AbstractInsnNode insn : code.toArray()) {
            if (!(insn instanceof MethodInsnNode)) {
                continue;
            }
            MethodInsnNode call = (MethodInsnNode) insn;
            if (call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(SYSTEM)
                    && call.name.equals("exit") && call.desc.equals("(I)V")) {
                code.set(call, guard("systemExit", "(I)V"));
            } else if (call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals(RUNTIME)
                    && (call.name.equals("exit") || call.name.equals("halt")) && call.desc.equals("(I)V")) {
                code.set(call, guard(call.name.equals("exit") ? "runtimeExit" : "runtimeHalt", "(Ljava/lang/Runtime;I)V"));
            }
        }
    }

    private static MethodInsnNode guard(String method, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, GUARD, method, descriptor, false);
    }
}

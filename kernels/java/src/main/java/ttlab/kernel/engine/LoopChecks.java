package ttlab.kernel.engine;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes notebook code stoppable: a call to {@link StopSignal#check()} goes at every method entry
 * and before every backward jump (the back-edge of any loop). The call neither reads nor leaves
 * anything on the operand stack and adds no branch target, so the existing stack map frames stay
 * valid and only the maximum stack size needs recomputing.
 */
final class LoopChecks {

    private static final String OWNER = Type.getInternalName(StopSignal.class);
    private static final String METHOD = "check";
    private static final String DESCRIPTOR = "()V";

    private LoopChecks() {
    }

    static void insert(InsnList code) {
        AbstractInsnNode[] original = code.toArray();
        Map<LabelNode, Integer> position = new HashMap<>();
        for (int i = 0; i < original.length; i++) {
            if (original[i] instanceof LabelNode) {
                position.put((LabelNode) original[i], i);
            }
        }
        for (int i = 0; i < original.length; i++) {
            if (jumpsBackward(original[i], i, position)) {
                code.insertBefore(original[i], checkCall());
            }
        }
        code.insert(checkCall());
    }

    private static boolean jumpsBackward(AbstractInsnNode insn, int index, Map<LabelNode, Integer> position) {
        List<LabelNode> targets = new ArrayList<>();
        if (insn instanceof JumpInsnNode) {
            targets.add(((JumpInsnNode) insn).label);
        } else if (insn instanceof TableSwitchInsnNode) {
            targets.add(((TableSwitchInsnNode) insn).dflt);
            targets.addAll(((TableSwitchInsnNode) insn).labels);
        } else if (insn instanceof LookupSwitchInsnNode) {
            targets.add(((LookupSwitchInsnNode) insn).dflt);
            targets.addAll(((LookupSwitchInsnNode) insn).labels);
        }
        for (LabelNode target : targets) {
            if (position.get(target) <= index) {
                return true;
            }
        }
        return false;
    }

    private static MethodInsnNode checkCall() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, METHOD, DESCRIPTOR, false);
    }
}

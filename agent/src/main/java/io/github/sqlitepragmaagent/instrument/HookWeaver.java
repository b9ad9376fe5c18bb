package io.github.sqlitepragmaagent.instrument;

import io.github.sqlitepragmaagent.bridge.DriverHook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes calls to the agent's {@link DriverHook}s into one sqlite-jdbc class file.
 *
 * <p>Hand-written against the ASM that the byte-buddy artifact ships, because this runs while the
 * host application starts: reading and writing one class with plain ASM loads a few dozen classes,
 * where Byte Buddy's {@code Advice} needs its type pool and descriptions (hundreds of classes, a few
 * hundred milliseconds). The woven code adds no member and changes no signature, so the same weave is
 * valid when a class already loaded is retransformed after a dynamic attach.
 *
 * <p>Every call is wrapped in a catch-all handler: whatever goes wrong in reaching or running a hook
 * is swallowed, except a {@code java.sql.SQLException}, which is how a hook refuses a statement. Stack
 * map frames are written by hand (computing them would make ASM load classes to find common super
 * types, from inside a class file transformer).
 */
final class HookWeaver {

    private static final String HOOK_CLASS = DriverHook.class.getName();
    private static final String BI_FUNCTION = "java/util/function/BiFunction";
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String SQL_EXCEPTION = "java/sql/SQLException";
    private static final String OBJECT = "java/lang/Object";
    private static final String BOOLEAN = "java/lang/Boolean";
    private static final String OBJECT_ARRAY = "[Ljava/lang/Object;";
    /**
     * A static field the weave adds to a driver class on its first load, holding the hooks once found:
     * {@code Class.forName} costs a few hundred nanoseconds, and the statement hooks run on every
     * statement. Retransforming a class already loaded (after a dynamic attach) may not add members,
     * so those weaves look the hooks up at each call instead.
     */
    static final String CACHE_FIELD = "sqlitePragmaAgent$hooks";

    private HookWeaver() {}

    /**
     * The woven class file, or null when none of {@code points} is in it; {@code addCacheField} is
     * false when the class is being retransformed.
     */
    static byte[] weave(byte[] classFile, List<HookPoint> points, boolean addCacheField) {
        ClassReader reader = new ClassReader(classFile);
        Map<String, Integer> maxLocals = needsMaxLocals(points) ? maxLocals(reader, points) : new HashMap<String, Integer>();
        // Given the reader, the writer copies every method it is not asked to change byte for byte
        // instead of decoding and re-encoding it: most of the cost of a weave, paid at JVM start.
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        Hooking hooking = new Hooking(writer, points, maxLocals, addCacheField);
        reader.accept(hooking, ClassReader.EXPAND_FRAMES);
        return hooking.woven.isEmpty() ? null : writer.toByteArray();
    }

    private static boolean needsMaxLocals(List<HookPoint> points) {
        for (HookPoint point : points) {
            if (point.where == HookPoint.Where.EXIT) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of local slots of each method with an exit hook, read in a first pass: the hook
     * keeps the result in a new slot. Other methods' code is skipped (a null visitor), not decoded.
     */
    private static Map<String, Integer> maxLocals(final ClassReader reader, final List<HookPoint> points) {
        final Map<String, Integer> result = new HashMap<String, Integer>();
        final String className = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, final String name, final String descriptor, String signature,
                    String[] exceptions) {
                HookPoint point = pointFor(points, className, access, name, descriptor);
                if (point == null || point.where != HookPoint.Where.EXIT) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int locals) {
                        result.put(name + descriptor, locals);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        return result;
    }

    /** The point that hooks this method of {@code className}, or null: the first that matches it. */
    private static HookPoint pointFor(List<HookPoint> points, String className, int access, String name, String descriptor) {
        for (HookPoint point : points) {
            if (point.owner.equals(className) && point.matches(name, descriptor, (access & Opcodes.ACC_PRIVATE) != 0)) {
                return point;
            }
        }
        return null;
    }

    private static final class Hooking extends ClassVisitor {
        private final List<HookPoint> points;
        private final Map<String, Integer> maxLocals;
        private final List<String> woven = new ArrayList<String>();
        private final boolean addCacheField;
        private String className;
        private boolean frames;

        Hooking(ClassVisitor next, List<HookPoint> points, Map<String, Integer> maxLocals, boolean addCacheField) {
            super(Opcodes.ASM9, next);
            this.points = points;
            this.maxLocals = maxLocals;
            this.addCacheField = addCacheField;
        }

        @Override
        public void visitEnd() {
            if (addCacheField && !woven.isEmpty()) {
                super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE | Opcodes.ACC_TRANSIENT
                        | Opcodes.ACC_SYNTHETIC, CACHE_FIELD, OBJECT_ARRAY, null, null).visitEnd();
            }
            super.visitEnd();
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            // Class files older than Java 6 have no stack map frames to keep consistent.
            frames = (version & 0xFFFF) >= Opcodes.V1_6;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return next;
            }
            HookPoint point = pointFor(points, className, access, name, descriptor);
            if (point == null) {
                return next;
            }
            woven.add(name + descriptor);
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            Integer locals = maxLocals.get(name + descriptor);
            return new HookedMethod(next, point, className, isStatic, descriptor, locals == null ? 0 : locals, frames,
                    addCacheField);
        }
    }

    /**
     * One hooked method: the hook call at its entry, or before each of its {@code areturn}s, or (a
     * constructor) the identity hash before each of its {@code return}s.
     */
    private static final class HookedMethod extends MethodVisitor {
        private final HookPoint point;
        private final boolean isStatic;
        private final Type[] parameters;
        private final Type returnType;
        private final int resultSlot;
        private final boolean frames;
        private final boolean cached;
        private final String owner;
        private final Object[] entryLocals;
        /** An entry hook's continuation still needs its frame, unless the method's own first frame comes first. */
        private boolean continuationFrameDue;

        HookedMethod(MethodVisitor next, HookPoint point, String owner, boolean isStatic, String descriptor, int maxLocals,
                boolean frames, boolean cached) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.cached = cached;
            this.point = point;
            this.isStatic = isStatic;
            this.parameters = Type.getArgumentTypes(descriptor);
            this.returnType = Type.getReturnType(descriptor);
            this.resultSlot = maxLocals;
            this.frames = frames;
            this.entryLocals = entryLocals(owner);
        }

        private Object[] entryLocals(String owner) {
            List<Object> locals = new ArrayList<Object>();
            if (!isStatic) {
                locals.add(owner);
            }
            for (Type parameter : parameters) {
                locals.add(frameType(parameter));
            }
            return locals.toArray();
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (point.where != HookPoint.Where.ENTRY) {
                return;
            }
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            Label continuation = new Label();
            super.visitTryCatchBlock(start, end, handler, THROWABLE);
            super.visitLabel(start);
            pushHook(entryLocals);
            loadSlot(point.argumentSlots[0]);
            pushArguments(1);
            super.visitMethodInsn(Opcodes.INVOKEINTERFACE, BI_FUNCTION, "apply",
                    "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
            if (point.skippable && returnType.getSort() == Type.VOID) {
                super.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;");
                super.visitJumpInsn(Opcodes.IF_ACMPNE, continuation);
                super.visitInsn(Opcodes.RETURN);
            } else if (point.skippable && returnType.getSort() == Type.BOOLEAN) {
                // A Boolean from the hook is the method's answer; anything else lets the method run.
                Label notAnswered = new Label();
                super.visitInsn(Opcodes.DUP);
                super.visitTypeInsn(Opcodes.INSTANCEOF, BOOLEAN);
                super.visitJumpInsn(Opcodes.IFEQ, notAnswered);
                super.visitTypeInsn(Opcodes.CHECKCAST, BOOLEAN);
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BOOLEAN, "booleanValue", "()Z", false);
                super.visitInsn(Opcodes.IRETURN);
                super.visitLabel(notAnswered);
                frame(entryLocals, OBJECT);
                super.visitInsn(Opcodes.POP);
                super.visitJumpInsn(Opcodes.GOTO, continuation);
            } else {
                super.visitInsn(Opcodes.POP);
                super.visitJumpInsn(Opcodes.GOTO, continuation);
            }
            super.visitLabel(end);
            handler(handler, entryLocals);
            super.visitLabel(continuation);
            continuationFrameDue = frames;
        }

        /**
         * The handler: an SQLException is the hook refusing a statement and goes to the app; anything
         * else is the agent's own failure and is dropped.
         */
        private void handler(Label handler, Object[] locals) {
            Label swallow = new Label();
            super.visitLabel(handler);
            frame(locals, THROWABLE);
            super.visitInsn(Opcodes.DUP);
            super.visitTypeInsn(Opcodes.INSTANCEOF, SQL_EXCEPTION);
            super.visitJumpInsn(Opcodes.IFEQ, swallow);
            super.visitInsn(Opcodes.ATHROW);
            super.visitLabel(swallow);
            frame(locals, THROWABLE);
            super.visitInsn(Opcodes.POP);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            // The method's own frame at its first instruction describes the continuation at least as
            // generally as ours would (it also covers jumps back to the start): use it instead.
            continuationFrameDue = false;
            super.visitFrame(type, numLocal, local, numStack, stack);
        }

        @Override
        public void visitInsn(int opcode) {
            beforeInstruction();
            if (opcode == Opcodes.ARETURN && point.where == HookPoint.Where.EXIT) {
                exitHook();
            }
            if (opcode == Opcodes.RETURN && point.where == HookPoint.Where.CONSTRUCTED) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "identityHashCode", "(Ljava/lang/Object;)I",
                        false);
                super.visitInsn(Opcodes.POP);
            }
            super.visitInsn(opcode);
        }

        /** With the result on the stack: keep it in a new slot, call the hook, put it back. */
        private void exitHook() {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            Label continuation = new Label();
            Object[] locals = exitLocals();
            super.visitVarInsn(Opcodes.ASTORE, resultSlot);
            super.visitTryCatchBlock(start, end, handler, THROWABLE);
            super.visitLabel(start);
            pushHook(locals);
            super.visitVarInsn(Opcodes.ALOAD, resultSlot);
            pushArguments(0);
            super.visitMethodInsn(Opcodes.INVOKEINTERFACE, BI_FUNCTION, "apply",
                    "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
            super.visitInsn(Opcodes.POP);
            super.visitJumpInsn(Opcodes.GOTO, continuation);
            super.visitLabel(end);
            handler(handler, locals);
            super.visitLabel(continuation);
            frame(locals, null);
            super.visitVarInsn(Opcodes.ALOAD, resultSlot);
        }

        /** The parameters' slots, anything in between unused, and the kept result. */
        private Object[] exitLocals() {
            List<Object> locals = new ArrayList<Object>();
            int slot = 0;
            for (Object local : entryLocals) {
                locals.add(local);
                slot += local == Opcodes.LONG || local == Opcodes.DOUBLE ? 2 : 1;
            }
            for (; slot < resultSlot; slot++) {
                locals.add(Opcodes.TOP);
            }
            locals.add(returnType.getInternalName());
            return locals.toArray();
        }

        /**
         * {@code ((BiFunction) hooks()[ordinal])}, where {@code hooks()} is the cache field, filled on first
         * use, or (without one) {@code Class.forName(HOOK, false, systemLoader).getEnumConstants()}.
         */
        private void pushHook(Object[] locals) {
            if (cached) {
                Label found = new Label();
                super.visitFieldInsn(Opcodes.GETSTATIC, owner, CACHE_FIELD, OBJECT_ARRAY);
                super.visitInsn(Opcodes.DUP);
                super.visitJumpInsn(Opcodes.IFNONNULL, found);
                super.visitInsn(Opcodes.POP);
                pushHookConstants();
                super.visitInsn(Opcodes.DUP);
                super.visitFieldInsn(Opcodes.PUTSTATIC, owner, CACHE_FIELD, OBJECT_ARRAY);
                super.visitLabel(found);
                frame(locals, OBJECT_ARRAY);
            } else {
                pushHookConstants();
            }
            pushInt(point.hook.ordinal());
            super.visitInsn(Opcodes.AALOAD);
            super.visitTypeInsn(Opcodes.CHECKCAST, BI_FUNCTION);
        }

        private void pushHookConstants() {
            super.visitLdcInsn(HOOK_CLASS);
            super.visitInsn(Opcodes.ICONST_0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/ClassLoader", "getSystemClassLoader",
                    "()Ljava/lang/ClassLoader;", false);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                    "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", false);
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getEnumConstants", "()[Ljava/lang/Object;", false);
        }

        /** A new Object[] with the handed slots from {@code from} on, then the SQL field if asked for. */
        private void pushArguments(int from) {
            int count = point.argumentSlots.length - from + (point.sqlFieldOfFirstArgument == null ? 0 : 1);
            pushInt(count);
            super.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
            int index = 0;
            for (int i = from; i < point.argumentSlots.length; i++) {
                super.visitInsn(Opcodes.DUP);
                pushInt(index++);
                loadSlot(point.argumentSlots[i]);
                super.visitInsn(Opcodes.AASTORE);
            }
            if (point.sqlFieldOfFirstArgument != null) {
                int slot = point.argumentSlots[from];
                super.visitInsn(Opcodes.DUP);
                pushInt(index);
                super.visitVarInsn(Opcodes.ALOAD, slot);
                super.visitFieldInsn(Opcodes.GETFIELD, typeOfSlot(slot).getInternalName(), point.sqlFieldOfFirstArgument,
                        "Ljava/lang/String;");
                super.visitInsn(Opcodes.AASTORE);
            }
        }

        /** Loads a local slot as an Object, boxing the primitives the hooks take. */
        private void loadSlot(int slot) {
            Type type = typeOfSlot(slot);
            switch (type.getSort()) {
                case Type.INT:
                    super.visitVarInsn(Opcodes.ILOAD, slot);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
                    return;
                case Type.BOOLEAN:
                    super.visitVarInsn(Opcodes.ILOAD, slot);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
                    return;
                case Type.OBJECT:
                case Type.ARRAY:
                    super.visitVarInsn(Opcodes.ALOAD, slot);
                    return;
                default:
                    throw new IllegalStateException("a hook cannot take a " + type + " parameter");
            }
        }

        private Type typeOfSlot(int slot) {
            int current = 0;
            if (!isStatic) {
                if (slot == 0) {
                    return Type.getObjectType((String) entryLocals[0]);
                }
                current = 1;
            }
            for (Type parameter : parameters) {
                if (current == slot) {
                    return parameter;
                }
                current += parameter.getSize();
            }
            throw new IllegalStateException("no parameter in slot " + slot);
        }

        private void pushInt(int value) {
            if (value <= 5) {
                super.visitInsn(Opcodes.ICONST_0 + value);
            } else {
                super.visitIntInsn(Opcodes.BIPUSH, value);
            }
        }

        private void frame(Object[] locals, String stackTop) {
            if (frames) {
                Object[] stack = stackTop == null ? new Object[0] : new Object[] {stackTop};
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
            }
        }

        private static Object frameType(Type type) {
            switch (type.getSort()) {
                case Type.BOOLEAN:
                case Type.BYTE:
                case Type.CHAR:
                case Type.SHORT:
                case Type.INT:
                    return Opcodes.INTEGER;
                case Type.LONG:
                    return Opcodes.LONG;
                case Type.FLOAT:
                    return Opcodes.FLOAT;
                case Type.DOUBLE:
                    return Opcodes.DOUBLE;
                default:
                    return type.getInternalName();
            }
        }

        private void beforeInstruction() {
            if (continuationFrameDue) {
                continuationFrameDue = false;
                frame(entryLocals, null);
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            beforeInstruction();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            beforeInstruction();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            beforeInstruction();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            beforeInstruction();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            beforeInstruction();
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            beforeInstruction();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            beforeInstruction();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            beforeInstruction();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            beforeInstruction();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            beforeInstruction();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            beforeInstruction();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            beforeInstruction();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }
    }
}

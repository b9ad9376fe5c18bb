package io.github.sqlitepragmaagent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines {@link CreateConnectionAdvice} into the class file of {@code org.sqlite.JDBC}.
 *
 * <p>Byte Buddy's {@code Advice} is used directly as an ASM visitor over a type pool: no
 * {@code ByteBuddy} builder, no descriptions built by reflection, nothing the weave does not need,
 * because every Byte Buddy class loaded here is start-up time the host application pays. The result
 * adds no member and changes no signature, so it is also valid for retransforming a class that is
 * already loaded.
 */
final class AdviceWeaver {

    static final String TARGET_CLASS = "org.sqlite.JDBC";

    /** Matched by names only, so that no JDK type needs a reflective description. */
    private static final ElementMatcher.Junction<MethodDescription> CREATE_CONNECTION = named("createConnection")
            .and(isStatic())
            .and(takesArguments(2))
            .and(takesArgument(0, named("java.lang.String")))
            .and(takesArgument(1, named("java.util.Properties")));

    private final AsmVisitorWrapper advice;

    AdviceWeaver() {
        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(AdviceWeaver.class.getClassLoader());
        TypeDescription adviceType = TypePool.Default.of(agentClasses)
                .describe(CreateConnectionAdvice.class.getName())
                .resolve();
        this.advice = Advice.to(adviceType, agentClasses).on(CREATE_CONNECTION);
    }

    /**
     * The woven class file, or null when this driver version has no method to hook (the caller
     * reports it and leaves the class untouched).
     */
    byte[] weave(byte[] classFile, ClassLoader loader) {
        return weave(TARGET_CLASS, classFile, loader);
    }

    /** Weaves {@link WarmUpTarget}, which loads and exercises every class a real weave needs. */
    void warmUp() throws java.io.IOException {
        String name = WarmUpTarget.class.getName();
        ClassLoader agentLoader = AdviceWeaver.class.getClassLoader();
        weave(name, ClassFileLocator.ForClassLoader.read(WarmUpTarget.class), agentLoader);
    }

    private byte[] weave(String className, byte[] classFile, ClassLoader loader) {
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(className, classFile),
                loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
        TypeDescription type = pool.describe(className).resolve();
        MethodList<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods();
        if (methods.filter(CREATE_CONNECTION).isEmpty()) {
            return null;
        }
        int readerFlags = advice.mergeReader(0);
        int writerFlags = advice.mergeWriter(0);
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, writerFlags);
        ClassVisitor visitor = advice.wrap(type, writer, new NoAuxiliaryMembers(type, ClassFileVersion.ofClassFile(classFile)),
                pool, type.getDeclaredFields(), methods, writerFlags, readerFlags);
        reader.accept(visitor, readerFlags);
        return writer.toByteArray();
    }

    /** An implementation context that refuses to add members: the class format must not change. */
    private static final class NoAuxiliaryMembers extends Implementation.Context.Disabled {
        NoAuxiliaryMembers(TypeDescription type, ClassFileVersion version) {
            super(type, version, Implementation.Context.FrameGeneration.GENERATE);
        }
    }
}

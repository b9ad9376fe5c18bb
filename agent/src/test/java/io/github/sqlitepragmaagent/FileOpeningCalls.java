package io.github.sqlitepragmaagent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Finds, in compiled classes, every call that opens a file descriptor of its own: the Java APIs that
 * open a file (streams, readers, channels, memory maps need a channel, {@code Files.readAllBytes},
 * jar and zip files, {@code createNewFile}), called directly or through a method reference.
 *
 * <p>Why it matters: in the app's process, a descriptor opened and closed beside SQLite on a database
 * file releases every POSIX lock SQLite holds on it (sqlite.org, "How To Corrupt An SQLite Database
 * File", 2.2). Stat calls ({@code File.length}, {@code Files.size}, {@code readAttributes}) open
 * nothing and are not listed.
 */
final class FileOpeningCalls {

    /** {@code owner.name} of each method that opens a file; {@code <init>} for constructors. */
    private static final Set<String> OPENERS = new HashSet<>(Arrays.asList(
            "java/io/FileInputStream.<init>",
            "java/io/FileOutputStream.<init>",
            "java/io/RandomAccessFile.<init>",
            "java/io/FileReader.<init>",
            "java/io/FileWriter.<init>",
            "java/io/File.createNewFile",
            "java/util/zip/ZipFile.<init>",
            "java/util/jar/JarFile.<init>",
            "java/nio/channels/FileChannel.open",
            "java/nio/channels/AsynchronousFileChannel.open",
            "java/nio/file/Files.newInputStream",
            "java/nio/file/Files.newOutputStream",
            "java/nio/file/Files.newByteChannel",
            "java/nio/file/Files.newBufferedReader",
            "java/nio/file/Files.newBufferedWriter",
            "java/nio/file/Files.readAllBytes",
            "java/nio/file/Files.readAllLines",
            "java/nio/file/Files.readString",
            "java/nio/file/Files.lines",
            "java/nio/file/Files.write",
            "java/nio/file/Files.writeString",
            "java/nio/file/Files.copy",
            "java/nio/file/Files.createFile",
            "java/nio/file/spi/FileSystemProvider.newInputStream",
            "java/nio/file/spi/FileSystemProvider.newOutputStream",
            "java/nio/file/spi/FileSystemProvider.newByteChannel",
            "java/nio/file/spi/FileSystemProvider.newFileChannel",
            "java/nio/file/spi/FileSystemProvider.newAsynchronousFileChannel",
            "java/net/URL.openStream",
            "java/net/URL.openConnection"));

    /** Constructors that open a file when their first argument names one (a file name or a File). */
    private static final Set<String> OPENER_WHEN_GIVEN_A_FILE = new HashSet<>(Arrays.asList(
            "java/io/PrintStream", "java/io/PrintWriter", "java/util/Scanner", "java/util/Formatter"));

    private FileOpeningCalls() {}

    /** {@code Class.method -> owner.name} for each file-opening call in the class file {@code bytes}. */
    static List<String> in(byte[] bytes) {
        List<String> found = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            private String className;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                className = name.replace('/', '.');
            }

            @Override
            public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                    String[] exceptions) {
                String where = className + "." + methodName;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean isInterface) {
                        check(where, owner, name, desc, found);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle) {
                                Handle handle = (Handle) argument;
                                check(where, handle.getOwner(), handle.getName(), handle.getDesc(), found);
                            }
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    /** {@link #in(byte[])} for a class on this test's class path. */
    static List<String> in(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in(in.readAllBytes());
        }
    }

    private static void check(String where, String owner, String name, String desc, List<String> found) {
        String call = owner + "." + name;
        boolean opens = OPENERS.contains(call)
                || (name.equals("<init>") && OPENER_WHEN_GIVEN_A_FILE.contains(owner)
                        && (desc.startsWith("(Ljava/io/File;") || desc.startsWith("(Ljava/lang/String;")
                                || desc.startsWith("(Ljava/nio/file/Path;")));
        if (opens) {
            found.add(where + " -> " + call.replace('/', '.'));
        }
    }
}

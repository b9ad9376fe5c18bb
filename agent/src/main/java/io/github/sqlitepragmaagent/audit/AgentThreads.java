package io.github.sqlitepragmaagent.audit;

import java.lang.reflect.Constructor;
import java.security.AccessControlContext;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.security.ProtectionDomain;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the agent's daemon threads clean of the app thread that happens to need them first.
 *
 * <p>A new thread copies its creator's context class loader, access-control context (up to JDK 23)
 * and inheritable thread-locals. The audit thread is first needed on an app thread that opens a
 * connection, which in a webapp carries the webapp's class loader: a thread that inherits it pins
 * that loader (and everything it loaded) for the JVM's lifetime, and Tomcat reports the thread at
 * undeploy. So each thread here gets the agent's own loader as its context loader, is created in a
 * privileged block with an empty context (no app protection domain is captured), without inherited
 * thread-locals where the JDK allows it (9 and later), in the JVM's root thread group.
 */
public final class AgentThreads implements ThreadFactory {

    /** Nothing from the calling thread: no protection domain of an app class on the stack is kept. */
    @SuppressWarnings("removal")
    private static final AccessControlContext EMPTY = new AccessControlContext(new ProtectionDomain[0]);
    /** {@code Thread(ThreadGroup, Runnable, String, long, boolean inheritThreadLocals)}, JDK 9 and later; null on 8. */
    private static final Constructor<Thread> WITHOUT_INHERITED_LOCALS = withoutInheritedLocals();

    private final String name;
    private final int priority;

    public AgentThreads(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    @Override
    @SuppressWarnings("removal")
    public Thread newThread(final Runnable work) {
        return AccessController.doPrivileged(new PrivilegedAction<Thread>() {
            @Override
            public Thread run() {
                Thread thread = create(rootGroup(), work);
                thread.setContextClassLoader(AgentThreads.class.getClassLoader());
                thread.setDaemon(true);
                thread.setPriority(priority);
                return thread;
            }
        }, EMPTY);
    }

    private Thread create(ThreadGroup group, Runnable work) {
        if (WITHOUT_INHERITED_LOCALS != null) {
            try {
                return WITHOUT_INHERITED_LOCALS.newInstance(group, work, name, 0L, Boolean.FALSE);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to the plain constructor: still a clean loader and context
            }
        }
        return new Thread(group, work, name);
    }

    /** The group every other group descends from: it lives as long as the JVM, unlike an app's own. */
    private static ThreadGroup rootGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }

    private static Constructor<Thread> withoutInheritedLocals() {
        try {
            return Thread.class.getConstructor(ThreadGroup.class, Runnable.class, String.class, long.class, boolean.class);
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }
}

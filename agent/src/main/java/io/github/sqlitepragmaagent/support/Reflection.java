package io.github.sqlitepragmaagent.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls into classes the agent does not link against (the app's sqlite-jdbc, the JDK's attach API). */
public final class Reflection {

    private Reflection() {}

    /** Calls {@code method}; what the called method throws comes out as itself, not wrapped. */
    public static Object invoke(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }
}

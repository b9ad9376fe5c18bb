package io.github.sqlitepragmaagent.instrument;

import io.github.sqlitepragmaagent.bridge.DriverHook;

/**
 * One method of sqlite-jdbc that calls a {@link DriverHook}: which class and method, whether at its
 * entry or at its exit, and what the hook is handed.
 *
 * <p>Methods are matched by name and by the leading part of their descriptor, because the driver
 * changed some parameter types between versions (a {@code long} statement pointer became a
 * {@code SafeStmtPtr} in 3.41) while keeping the meaning.
 */
final class HookPoint {

    /** Where in the method the hook runs. */
    enum Where {
        /**
         * Before the method's first instruction; a skippable void method returns at once when the hook
         * answers {@link DriverHook#SKIP}, a skippable boolean method returns the Boolean the hook answers.
         */
        ENTRY,
        /** Before each {@code areturn}, with the value being returned. */
        EXIT,
        /**
         * Before each {@code return} of a constructor, without a hook: gives the new object its identity
         * hash while no thread can hold its lock yet (see {@link #constructed}).
         */
        CONSTRUCTED
    }

    final String owner;
    final String method;
    final String descriptorPrefix;
    final boolean privateOnes;
    final Where where;
    final DriverHook hook;
    /** Local slots handed to the hook (in order); slot 0 is {@code this} for instance methods. */
    final int[] argumentSlots;
    /** A String field of the first handed argument (the statement's SQL) to hand as well, or null. */
    final String sqlFieldOfFirstArgument;
    /**
     * True when the hook may answer for the method: {@link DriverHook#SKIP} makes a void method return at
     * once, a Boolean is what a boolean method returns.
     */
    final boolean skippable;

    private HookPoint(String owner, String method, String descriptorPrefix, boolean privateOnes, Where where,
            DriverHook hook, int[] argumentSlots, String sqlFieldOfFirstArgument, boolean skippable) {
        this.owner = owner;
        this.method = method;
        this.descriptorPrefix = descriptorPrefix;
        this.privateOnes = privateOnes;
        this.where = where;
        this.hook = hook;
        this.argumentSlots = argumentSlots;
        this.sqlFieldOfFirstArgument = sqlFieldOfFirstArgument;
        this.skippable = skippable;
    }

    static HookPoint entry(String owner, String method, String descriptorPrefix, DriverHook hook, int... slots) {
        return new HookPoint(owner, method, descriptorPrefix, false, Where.ENTRY, hook, slots, null, false);
    }

    static HookPoint exit(String owner, String method, String descriptorPrefix, DriverHook hook, int... slots) {
        return new HookPoint(owner, method, descriptorPrefix, false, Where.EXIT, hook, slots, null, false);
    }

    /**
     * The constructors of {@code owner}: each new object gets its identity hash before it is returned.
     * The statement hooks look a connection up by its DB object while the driver holds that object's
     * lock; on JVMs with stack locking (JDK 17), the first identity hash asked of a locked object inflates
     * its monitor for the object's lifetime, and every synchronized driver call then takes the slow path
     * (a simple query about 15 % slower). A hash given before the first lock travels with the object's
     * header instead. {@code System.identityHashCode} cannot fail, so the woven call needs no handler.
     */
    static HookPoint constructed(String owner) {
        return new HookPoint(owner, "<init>", "(", false, Where.CONSTRUCTED, null, new int[0], null, false);
    }

    /** The same point, also matching private methods (the driver keeps some helpers private). */
    HookPoint includingPrivate() {
        return new HookPoint(owner, method, descriptorPrefix, true, where, hook, argumentSlots, sqlFieldOfFirstArgument,
                skippable);
    }

    /** The same point, handing the SQL text held in {@code field} of the first handed argument as well. */
    HookPoint withSqlOf(String field) {
        return new HookPoint(owner, method, descriptorPrefix, privateOnes, where, hook, argumentSlots, field, skippable);
    }

    /** The same point, letting the hook skip a void method or answer for a boolean one. */
    HookPoint skippable() {
        return new HookPoint(owner, method, descriptorPrefix, privateOnes, where, hook, argumentSlots,
                sqlFieldOfFirstArgument, true);
    }

    boolean matches(String name, String descriptor, boolean isPrivate) {
        return method.equals(name) && descriptor.startsWith(descriptorPrefix) && (privateOnes || !isPrivate);
    }
}

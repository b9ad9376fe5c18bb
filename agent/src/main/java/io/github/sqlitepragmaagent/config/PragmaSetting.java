package io.github.sqlitepragmaagent.config;

import java.util.List;

/** A pragma the configuration asks for, with the value to apply and where that value came from. */
public final class PragmaSetting {

    private final PragmaSpec spec;
    private final PragmaValue value;
    private final SourcedValue origin;

    PragmaSetting(PragmaSpec spec, PragmaValue value, SourcedValue origin) {
        this.spec = spec;
        this.value = value;
        this.origin = origin;
    }

    /** The setting of the pragma {@code name} among {@code settings}, or null when they leave it alone. */
    public static PragmaSetting named(List<PragmaSetting> settings, String name) {
        for (PragmaSetting setting : settings) {
            if (setting.spec.name().equals(name)) {
                return setting;
            }
        }
        return null;
    }

    public PragmaSpec spec() {
        return spec;
    }

    /** The value to apply; never null (settings left untouched are not in the configuration). */
    public PragmaValue value() {
        return value;
    }

    public SourcedValue origin() {
        return origin;
    }

    @Override
    public String toString() {
        return spec.name() + "=" + value.sqlLiteral();
    }
}

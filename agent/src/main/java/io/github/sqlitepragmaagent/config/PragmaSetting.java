package io.github.sqlitepragmaagent.config;

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

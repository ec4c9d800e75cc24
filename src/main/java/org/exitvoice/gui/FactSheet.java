package org.exitvoice.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import sim.util.Properties;

/** A read-only list of named values for a MASON inspector, each read afresh whenever the inspector updates. */
final class FactSheet extends Properties {
    private static final long serialVersionUID = 1L;

    private final List<String> names = new ArrayList<>();
    private final List<Class<?>> types = new ArrayList<>();
    private final List<Supplier<?>> values = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();

    /** Adds a row; numbers keep their type so that MASON's inspector can chart them over time. */
    FactSheet add(String name, Class<?> type, Supplier<?> value, String description) {
        names.add(name);
        types.add(type);
        values.add(value);
        descriptions.add(description);
        return this;
    }

    FactSheet add(String name, Class<?> type, Supplier<?> value) {
        return add(name, type, value, null);
    }

    @Override
    public boolean isVolatile() {
        return false; // the rows are fixed (MASON would rebuild every widget at each update otherwise); values are re-read
    }

    @Override
    public int numProperties() {
        return names.size();
    }

    @Override
    public Object getValue(int index) {
        return index < 0 || index >= values.size() ? null : values.get(index).get();
    }

    @Override
    public boolean isReadWrite(int index) {
        return false;
    }

    @Override
    public String getName(int index) {
        return names.get(index);
    }

    @Override
    @SuppressWarnings("rawtypes") // MASON's signature
    public Class getType(int index) {
        return types.get(index);
    }

    @Override
    public String getDescription(int index) {
        return descriptions.get(index);
    }

    @Override
    protected Object _setValue(int index, Object value) {
        return getValue(index); // read-only: a typed value snaps back
    }
}

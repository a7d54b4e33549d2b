package triage.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * How a record is written as a JSON object: its fields in the contract's order, each a name and
 * the getter that gives its value, streamed to the generator as they come (no tree, no reflection).
 * A field's name is quoted and escaped once, when the table is made.
 *
 * @param <T> the record
 */
final class FieldTable<T> {
    /** One field of {@code T}: its name and value, written to {@code g}. */
    @FunctionalInterface
    interface Field<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    private final List<Field<T>> fields;

    private FieldTable(List<Field<T>> fields) { this.fields = fields; }

    @SafeVarargs
    static <T> FieldTable<T> of(Field<T>... fields) { return new FieldTable<>(List.of(fields)); }

    /** {@code value} as an object of these fields, in their order. */
    void write(JsonGenerator g, T value) throws IOException {
        g.writeStartObject();
        for (Field<T> f : fields) f.write(g, value);
        g.writeEndObject();
    }

    static <T> Field<T> string(String name, Function<T, String> get) {
        return named(name, (g, v) -> g.writeString(get.apply(v)));
    }

    static <T> Field<T> integer(String name, ToIntFunction<T> get) {
        return named(name, (g, v) -> g.writeNumber(get.applyAsInt(v)));
    }

    static <T> Field<T> whole(String name, ToLongFunction<T> get) {
        return named(name, (g, v) -> g.writeNumber(get.applyAsLong(v)));
    }

    static <T> Field<T> decimal(String name, ToDoubleFunction<T> get) {
        return named(name, (g, v) -> g.writeNumber(get.applyAsDouble(v)));
    }

    static <T> Field<T> flag(String name, Predicate<T> get) {
        return named(name, (g, v) -> g.writeBoolean(get.test(v)));
    }

    /** A list of strings, as an array. */
    static <T> Field<T> strings(String name, Function<T, List<String>> get) {
        return named(name, (g, v) -> {
            g.writeStartArray();
            for (String s : get.apply(v)) g.writeString(s);
            g.writeEndArray();
        });
    }

    /** A list of records, as an array of objects each written by {@code as}. */
    static <T, E> Field<T> objects(String name, Function<T, List<E>> get, FieldTable<E> as) {
        return named(name, (g, v) -> {
            g.writeStartArray();
            for (E e : get.apply(v)) as.write(g, e);
            g.writeEndArray();
        });
    }

    /** The field {@code name}, its value written by {@code value}. */
    private static <T> Field<T> named(String name, Field<T> value) {
        SerializableString n = new SerializedString(name);
        return (g, v) -> {
            g.writeFieldName(n);
            value.write(g, v);
        };
    }
}

package triage.engine;

import triage.model.RuleRef;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** A rule's index entry as the {@link RulebookCache} writes it: field by field, no Java serialization of our own types. */
final class RuleInfoCodec {
    private RuleInfoCodec() {}

    static void write(ObjectOutput out, RuleInfo r) throws IOException {
        RuleRef ref = r.ref();
        writeNullable(out, ref.name());
        writeNullable(out, ref.runbook());
        writeNullable(out, ref.file());
        out.writeInt(ref.line());
        writeNullable(out, ref.source());
        writeSet(out, r.reads());
        writeSet(out, r.infers());
        writeSet(out, r.concludes());
        // rule text can exceed writeUTF's 64 KiB
        byte[] text = r.text().getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
    }

    static RuleInfo read(ObjectInput in) throws IOException {
        RuleRef ref = new RuleRef(readNullable(in), readNullable(in), readNullable(in), in.readInt(), readNullable(in));
        Set<String> reads = readSet(in), infers = readSet(in), concludes = readSet(in);
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        return new RuleInfo(ref, reads, infers, concludes, new String(text, StandardCharsets.UTF_8));
    }

    private static void writeNullable(ObjectOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String readNullable(ObjectInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeSet(ObjectOutput out, Set<String> s) throws IOException {
        out.writeInt(s.size());
        for (String x : s) out.writeUTF(x);
    }

    private static Set<String> readSet(ObjectInput in) throws IOException {
        int n = in.readInt();
        Set<String> s = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) s.add(in.readUTF());
        return s;
    }
}

package triage.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a hostname the way the machine does and compares the answer with the addresses it
 * should have (option {@code expect}, comma-separated): the web-stack seed's DNS misconfiguration.
 * The system resolver takes no deadline; the prober's budget bounds the wait.
 */
final class DnsProbe implements Probe {
    static final String SYMPTOM = "dns-resolves-as-expected";
    private final String host;
    private final Set<String> expected = new LinkedHashSet<>();

    DnsProbe(Target target) {
        this.host = target.uri().getHost();
        String expect = target.options().getOrDefault("expect", "");
        for (String e : expect.split(",")) {
            String a = e.trim();
            if (a.isEmpty()) continue;
            if (!a.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException("dns check of " + host + ": expect lists '" + a + "', which is not an IP address");
            }
            try {
                expected.add(InetAddress.getByName(a).getHostAddress());  // a literal: no lookup
            } catch (UnknownHostException ex) {
                throw new IllegalArgumentException("dns check of " + host + ": '" + a + "' is not an IP address");
            }
        }
    }

    @Override public Finding check(long deadline) throws Exception {
        List<String> got = new ArrayList<>();
        for (InetAddress a : InetAddress.getAllByName(host)) got.add(a.getHostAddress());
        if (expected.isEmpty()) {
            // nothing to compare with: it resolves, which settles nothing about "as expected"
            return new Finding(triage.model.ProbeResult.Status.UP, host + " resolves to " + String.join(", ", got)
                    + " (no expected addresses configured)", null, null);
        }
        List<String> unexpected = got.stream().filter(a -> !expected.contains(a)).toList();
        if (unexpected.isEmpty()) return Finding.up(host + " resolves to " + String.join(", ", got) + " as expected");
        return Finding.down(host + " resolves to " + String.join(", ", got) + ", expected " + String.join(", ", expected));
    }
}

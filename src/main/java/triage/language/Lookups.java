package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name lookup set beside the address it should give (lower-cased text in, before {@link Notation}): "dig
 * +short shop.example" answering 192.0.2.99 over "expected 203.0.113.10", "dig gives 198.51.100.230, our
 * ingress is 203.0.113.15", "it resolves to 192.0.2.17, which isn't one of ours". An answer that differs from
 * the address expected (or is said not to be ours, or not our proxy) reads "the name resolves to a different address"; one
 * that is the same, "the name resolves as expected". The resolver a tool names ("dig @10.0.0.53", nslookup's
 * "Server: ... Address: 192.168.1.1") is no answer. Linear in the text's length.
 */
final class Lookups {
    private Lookups() {}

    private static final Pattern LOOKUP = Pattern.compile("\\b(?:dig|nslookup|resolves?|resolved|resolving|points? (?:at|to)|pointing (?:at|to))\\b");
    /** An address, perhaps at a sentence's end ("should be 203.0.113.12."), not a longer dotted number's start. */
    private static final Pattern ADDRESS = Pattern.compile("(?<![\\d.@])(\\d{1,3}(?:\\.\\d{1,3}){3})(?!\\d|\\.\\d|#)");
    /**
     * What introduces the address the name should give, or says the one given is someone else's; or a Kubernetes
     * service's own address printed after it ({@code kubectl get svc}: its EXTERNAL-IP, its load balancer's ingress ip).
     */
    private static final Pattern EXPECTED = Pattern.compile(
            "\\b(?:expected|expecting|expect|should be|should point|supposed to be|instead of|not|our|ours|real|correct"
            + "|external-ip|loadbalancer|get svc|get service|get services)\\b");
    private static final Pattern NOT_OURS = Pattern.compile("\\b(?:not|isn't|isnt)\\b[^.\\n]{0,30}\\bours?\\b");
    /** How far before an address a resolver's own label reaches (nslookup's "Server:  x\nAddress:  192.168.1.1"). */
    private static final int RESOLVER_LABEL = 40;

    static String rewrite(String s) {
        // every text passes here: the regex only for one that holds a lookup's word at all
        if (!s.contains("dig") && !s.contains("nslookup") && !s.contains("resolv") && !s.contains("point")) return s;
        Matcher lookup = LOOKUP.matcher(s);
        if (!lookup.find()) return s;
        Matcher a = ADDRESS.matcher(s);
        String answer = null;
        int after = -1;
        for (int from = lookup.end(); a.find(from); from = a.end()) {
            if (s.substring(Math.max(0, a.start() - RESOLVER_LABEL), a.start()).contains("server")) continue;
            answer = a.group(1);
            after = a.end();
            break;
        }
        if (answer == null) return s;
        if (NOT_OURS.matcher(s).region(after, s.length()).find()) return s + ".\nthe name resolves to a different address";
        Matcher e = EXPECTED.matcher(s);
        if (!e.find(after)) return s;
        Matcher b = ADDRESS.matcher(s);
        if (!b.find(e.end())) return s;
        return s + (b.group(1).equals(answer) ? ".\nthe name resolves as expected" : ".\nthe name resolves to a different address");
    }
}

package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of {@code kubectl get pods} (lower-cased text in, by {@link Readouts}, before {@link Notation};
 * their header is gone by then, {@link Notation#withoutHeaders}): a row (a name, READY as "0/1", a status)
 * whose pod is not running ("crashloopbackoff", "imagepullbackoff", "pending", "oomkilled") reads
 * "DEPLOYMENT pod" in the name's place: a generated name, a deployment's words with the ReplicaSet's hash and
 * the pod's suffix ({@code shop-web-6f8d9-4kz2p}), names that deployment's pod, so that the row is a pod of
 * the stack in that state, whatever the deployment is called. A StatefulSet's pod ("redis-0", "elastic-0")
 * is named after its component, and read as that component. A running row is left as it is: a pod named
 * like a feature ("auth") running says nothing of the feature.
 */
final class Pods {
    private Pods() {}

    /** A row: the pod's name (its words, then up to two generated parts), READY as n/m, its status. */
    private static final Pattern ROW = Pattern.compile(
            "(?m)^([ \\t]*)([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*?)((?:-[a-z0-9]{1,10}){0,2})[ \\t]+\\d{1,3}/\\d{1,3}[ \\t]+([a-z:]{3,40})\\b");

    static String rewrite(String s) {
        if (s.indexOf('/') < 0) return s;
        Matcher m = ROW.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String status = m.group(4);
            if (status.equals("running") || status.equals("completed") || status.equals("succeeded") || ordinal(m.group(3))) continue;
            if (sb == null) sb = new StringBuilder(s.length() + 16);
            // only the name changes: the columns after it (a restart count) are still read as a row's
            sb.append(s, last, m.end(2)).append(" pod");
            last = m.end(3);
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }

    /** No generated part, or a StatefulSet's ordinal at the end ("redis-0", "placeos-core-1"): the name is the component's own. */
    private static boolean ordinal(String generated) {
        for (int i = generated.lastIndexOf('-') + 1; i < generated.length(); i++) if (!Character.isDigit(generated.charAt(i))) return false;
        return true;
    }
}

package triage.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pasted tool output writes in notation rather than words, rewritten as words before the
 * text is cut into tokens (lower-cased text in, one linear pass per pattern):
 * <ul>
 * <li>a duration of at most 100 ms reads "fast" ("views take 60ms", "p99 query 3ms"), unless a change follows it, it is a period
 *     ("every 50ms") or the baseline another is compared with ("20s instead of 100ms");
 * <li>a share ("8%", "8 percent"): at most 20% reads "low", at least 80% "high" ("postgres cpu 8%", "cpu per pod 95%"), unless a
 *     change follows it ("10% above normal", "30% up" say how much something moved, not its level); a share in
 *     between is a level only of a resource named beside it ("rds cpu 30%", "pool 40% used", "disk at 55%"): it reads
 *     "moderate", neither high nor full; of anything else ("30% of requests fail") or on its way somewhere ("from 40% to
 *     70%") it stays a number;
 * <li>a percentile's duration of at most 300 ms reads "fast" ("p99 120ms", "p95: 250 ms"): "p99" alone is a word of
 *     slowness, its value says otherwise (a disk's "read latency 200ms" is no request's and stays as written);
 * <li>a duration of a second or more of something a person waits on ("p99 12s", "spans 30s+", "queries take
 *     20 s", "the page loads in 2 minutes") reads "slow"; a period ("every 30s", "for 30s", "30s ago") or a
 *     setting ("timeout 30s") stays a number;
 * <li>"up" before a factor, a share, a size or a time ("rps up 2.5x", "latency up 40%", "up 200MB an hour") or a baseline ("up
 *     from last week") says how much something rose: it reads "increased" (more, no word of health), and
 *     the share after it is the change's size, no level;
 * <li>a factor of two or more ("hits 15x normal", "rps 3.5x") reads "10x", the lexicon's word of a level far above
 *     its baseline, so that "normal" after it is the baseline and no word of health;
 * <li>a namespaced name ("Elasticsearch::Transport::Errors::ServiceUnavailable") is its words, no colons parting them;
 * <li>a search's parameter in a request's path ("GET /systems?q=lobby") is a search: "/systems search lobby";
 * <li>"just" before a failure ("the execute on the X module just fails") is how plainly it fails, not "only": it is dropped;
 * <li>"just" or "only" right after a word of health and a comma ("all fine, just the listing and search") opens what is
 *     not fine, as "except" does;
 * <li>a job's run as its log gives it ("Task x succeeded in 1140.3s") is how long it took: "took 1140.3s", no word of health;
 * <li>a zero a value moves from ("jobs 0 -> 250k") is a count of none ("nil"), no negation;
 * <li>a count of connections in use against its maximum ("20/20 connections", "pool 50/50 in use",
 *     "db conns: 18/20") reads "pool full" at its maximum and "pool moderate" below it ({@link PoolCounts});
 * <li>an address with dots ("10.0.3.7") reads "ip", a number with dots ("5.000", "20.04") "num";
 * <li>a count of none out of several ("0/3 nodes are available", "deployment 0/3", "0/2 ready") reads "noneready", a
 *     word of failure: it agrees with a failure beside it ("0/1 CrashLoopBackOff") instead of turning it;
 * <li>a bare host name ("app.example.com"; in a URL it is the URL's words) reads "hostname" (a private one "node"), so its dots
 *     do not end sentences and its labels are not read as words ("app"); the host an HTTP client says it
 *     called ({@code HTTPSConnectionPool(host='api.x.example')}), a proxy's upstream or a call or request
 *     to it names ("upstream=rates.x.example", "calls to api.x.example") reads "external api", and a host one of
 *     whose labels names a vendor, a store or a service reads that ("api.stripe.com" is an external API,
 *     "minio.internal" object storage); an API called by name ("calls the eligibility API") and a method
 *     before a public URL ("POST https://gw.x.example/declare", a span's "http POST api.x.example/v1") are a call out;
 * <li>{@code . ; : ! ?} end a sentence only before a space or the end: "10.0.3.7:2379",
 *     {@code "message":"no core instances"} and "core:3000" are one clause;
 * <li>an empty list ("gives back []", {@code "hits": []}) reads "empty";
 * <li>"not ours" is someone else's ("notours"), not a "not" that rules out what follows;
 * <li>"running" with an object ("the box running our web workers") is what the thing does: "that runs",
 *     no word of health;
 * <li>a replica's ordinal ("core-0", "etcd-2") is part of its name, not a count of none; nor is the restart
 *     count after a pod's status in a kubectl row ("Running 0 3d" reads "running nil 3d");
 * <li>a partner's API ("the courier's label api", "the partner's points API") reads "external api"; an organisation's
 *     own ("the guild's booking api", "the library's web api") stays as written;
 *     an API waited on by what it does ("waiting on the music licensing api") is someone else's; a processor or a
 *     provider with a possessive ("the processor's status page") is a company, not a CPU;
 * <li>a table's header line in pasted output ("NAME READY STATUS RESTARTS", found before
 *     lower-casing by {@link #withoutHeaders}) says nothing: its column names are no states
 *     ("READY" is not "ready"). The lines around it stay one text: a command line names the
 *     subject of the output under it.
 * </ul>
 */
final class Notation {
    private Notation() {}

    private static final Pattern EMPTY_LIST = Pattern.compile("\\[\\s*]");
    private static final Pattern SHARE = Pattern.compile("(?<![\\w.])(\\d{1,3})(?:\\.\\d+)?\\s?(?:%|percent\\b)");
    /** A duration of at most 100 ms ("views take 60ms", "p99 query 3 ms"): quick for anything a person waits on. */
    private static final Pattern QUICK = Pattern.compile("(?<![\\w.]|every |each |per )(\\d{1,3})(?:\\.\\d+)?\\s?ms\\b");
    private static final Pattern NONE_OF = Pattern.compile(
            "(?<![\\w./])0\\s?/\\s?[1-9]\\d*(?![\\w./])(?:(?:\\s+(nodes?|pods?|replicas?|instances?|members?|containers?))?(?:\\s+(?:are|is))?"
            + "\\s+(?:available|ready|running|up|healthy|online)\\b)?");
    private static final Pattern HOST = Pattern.compile(
            "(?<![\\w./:-])(?:[a-z0-9-]+\\.)+(?:com|net|org|io|dev|app|co|cloud|internal|local|lan|corp|example|edu|gov|info|biz"
            + "|us|uk|de|eu|shop|store|site|tech|ai|xyz)(?![\\w./-])");
    /** An HTTP client's own words for the host it called ({@code HTTPSConnectionPool(host='...')}): an outbound call. */
    private static final Pattern HOST_PARAM = Pattern.compile("\\bhost\\s?=\\s?['\"]?(?=[a-z0-9-]+\\.[a-z])");
    /** Words right before a host that make it the one our side called: an HTTP client's, a proxy's upstream, a call or request to it. */
    private static final Pattern CALLED = Pattern.compile("(?:called|upstream\\s*[=:]?|calls? to(?: the)?|calling|request to|\\bhttp:? ?(?:get|post|put|patch|delete))\\s*$");
    /** What a host name's labels may name instead of "hostname": a vendor, a store, a database or search service. */
    private static final Pattern INTERNAL = Pattern.compile("\\.(?:internal|local|lan|corp)$");
    private static final java.util.Set<String> NAMED_BY_HOST = java.util.Set.of(
            "extapi", "s3", "database", "elasticsearch", "redis", "rethinkdb", "etcd");
    /** A resource whose share used is its level: its name right before the share (a few words at most) or right after it. */
    private static final Pattern RESOURCE_BEFORE = Pattern.compile(
            "\\b(?:cpu|cpus|memory|mem|ram|heap|disk|disks|storage|volume|utili[sz]ation|util|usage|used|load|pool|capacity|saturation)"
            + "(?:\\s+[a-z_]+){0,2}?\\s*(?:is|at|of|=|:|~|around|about|only|just|sits at|stays at|hovers at)?\\s*$");
    private static final Pattern RESOURCE_AFTER = Pattern.compile(
            "\\s*(?:cpu|memory|mem|ram|heap|disk|utili[sz]ation|util|usage|used|full|busy|capacity|load)\\b");
    /** A share on its way from or to another ("from 40% to 70%", "55% -> 90%"): a movement, not a level. */
    private static final Pattern MOVING_BEFORE = Pattern.compile("(?:\\bfrom|\\bto|->|\u2192|=>)\\s*$");
    private static final Pattern MOVING_AFTER = Pattern.compile("\\s*(?:->|\u2192|=>|to\\s+\\d|then\\b|\\s+and\\s+(?:ris|climb|grow|creep))");
    /** A percentile's duration ("p99 120ms", "p95: 250 ms"); a disk's "read latency 200ms" is no request's. */
    private static final Pattern PERCENTILE = Pattern.compile(
            "\\b(p\\d{2,3})(\\s*(?:is|of|at|=|:|~)?\\s*)(\\d{1,3})(?:\\.\\d+)?\\s?ms\\b");
    /** Right before a share, a word that makes it the size of a change ("up 40%", "rose by 30%"). */
    private static final Pattern CHANGE_BEFORE = Pattern.compile(
            "\\b(?:increased|up|down|by|rose|grew|jumped|dropped|fell)\\s*(?:~|about|around|roughly|nearly|almost|over)?\\s*$");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)+(?![\\w.])");
    private static final Pattern CHANGE = Pattern.compile(
            "\\s*(?:above|over|more|higher|up|increase|increased|rise|jump|jumped|below|under|less|lower|down|drop|dropped|fewer|slower|faster)\\b");
    private static final Pattern THEIR_API = Pattern.compile("\\b(?:provider|partner|processor|vendor|courier|carrier|supplier|publisher|"
            + "registrar|authority|board|bank|insurer|agency|government|council|ministry|regulator|client|customer|manager)s?['\u2019]s(?:\\s+[a-z]+){0,2}\\s+apis?\\b(?!\\s*(?:tokens?|keys?|credentials|client|clients|usage|calls? from|logs?|pods?|servers?|containers?|nodes?|deployments?|gateway))");
    /** "their SSO API", "their rates api": a third party's, unless it is what users call ("their api calls"). */
    private static final Pattern THEIR_OWN_API = Pattern.compile(
            "\\btheir(?:\\s+[a-z]+){0,2}\\s+apis?\\b(?!\\s*(?:tokens?|keys?|credentials|clients?|usage|calls?|requests?|logs?|pods?|servers?|gateway))");
    /** An API called by name ("calls the insurance eligibility API"), a client's call to a public URL or a trace's outbound span: outbound. */
    private static final Pattern CALLED_API = Pattern.compile("\\bcall(?:s|ing|ed)?(?:\\s+to)?\\s+(?:the|a|an)\\s+(?!(?:our|my|rest|staff|placeos|core|backend|"
            + "engine|auth|internal|public|main|web|same|whole)\\b)(?:[a-z-]+\\s+){1,3}apis?\\b|(?<!-x )\\b(?:post|get|put|patch|delete)\\s+https?://"
            + "|\\b(?:requests?|calls?) to\\s+https?://(?:[a-z0-9-]+\\.)+(?!local\\b|internal\\b|svc\\b|lan\\b|corp\\b|cluster\\b)[a-z]{2,}\\b|\\bhttp:?\\s+(?:post|get|put|patch|delete)\\s+(?:https?://)?"
            + "(?:[a-z0-9-]+\\.)+(?!local\\b|internal\\b|svc\\b|lan\\b|corp\\b|cluster\\b)[a-z]{2,}(?:/[^\\s`'\"]*)?");
    /** An API named by what it does, waited on ("waiting on the music licensing api", "blocked on a rates API"): someone else's. */
    private static final Pattern WAITED_API = Pattern.compile("\\b((?:wait(?:s|ing|ed)?|block(?:s|ing|ed)?|stuck|hang(?:s|ing)?)\\s+(?:on|for))\\s+(?:the|a|an)\\s+"
            + "(?!(?:our|my|rest|staff|placeos|core|backend|engine|auth|internal|public|main|web|same|whole|login|search|user|admin|django|daphne)\\b)"
            + "(?:[a-z-]+\\s+){1,3}apis?\\b");
    /** A payment processor or a provider as someone ("the processor's status page"): a company, no CPU. */
    private static final Pattern THEIR_NAME = Pattern.compile("\\b(?:processor|provider)(?=['\u2019]s\\b)");
    /** A job's log of its run ("Task x succeeded in 1140.3s", as Celery writes it): how long it took, no word of health. */
    private static final Pattern SUCCEEDED_IN = Pattern.compile("\\bsucceeded in (?=\\d)");
    /** "just" before a failure says how plainly it fails, not that only it does ("the execute just fails"). */
    private static final Pattern JUST_FAILS = Pattern.compile("\\bjust (?=(?:fail|hang|hung|error|die|died|dies|crash|time[sd]? out|spin|stall|freez|froze)\\w*)");
    /** "all fine, just the listing": after a word of health, "just" or "only" opens what is not fine, as "except" does. */
    private static final Pattern FINE_BUT_ONLY = Pattern.compile("\\b((?:fine|ok|okay|good|normal|healthy|works|working)[ \\t]*[,;-][ \\t]*)(?:just|only)\\b(?![ \\t]+(?:slow|a bit|slightly|some))");
    /** A search's parameter in a request's path ("/systems?q=lobby", "&query=x"): the request searches. */
    private static final Pattern SEARCH_PARAM = Pattern.compile("(?<=[a-z0-9/_-])[?&](?:q|query|search|term|keyword|keywords)=");
    /** A host named by its address or serial ("ip-10-0-3-17", "node-4-12"): a name, not numbers (a "0" there is no negation). */
    private static final Pattern NUMBERED_HOST = Pattern.compile("\\b[a-z][a-z0-9]*(?:-\\d+){2,}\\b");
    /** A kubectl row's restart count of zero, after the pod's status, before its age or the line's end. */
    private static final Pattern NO_RESTARTS = Pattern.compile(
            "\\b(running|pending|completed|crashloopbackoff|error|terminating|containercreating|evicted|oomkilled"
            + "|imagepullbackoff|errimagepull|notready|ready|unknown)([ \\t]+)0(?=[ \\t]+\\d|[ \\t]*(?:\\n|$))");
    private static final Pattern ORDINAL = Pattern.compile("(?<=[a-z])-\\d{1,3}(?![a-z0-9%]|/\\d|\\.\\d)");
    /** Column names of the tables ops tools print (kubectl, docker, pgbouncer): two or more make a header line. */
    private static final java.util.Set<String> COLUMNS = java.util.Set.of("NAME", "READY", "STATUS", "RESTARTS", "AGE",
            "NAMESPACE", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "PORTS", "ENDPOINTS", "HOSTS", "ADDRESS", "CLASS",
            "CPU(cores)", "MEMORY(bytes)", "ROLES", "VERSION", "DESIRED", "CURRENT", "UP-TO-DATE", "AVAILABLE", "STATE",
            "HEALTH", "NODE", "IMAGE", "COMMAND", "CREATED", "CONTAINER", "ID", "MEMBERS", "ENDPOINT", "LEADER");
    /** "running" with an object ("the host running our web processes") is what a thing does, no word of health. */
    private static final Pattern RUNNING_SOMETHING = Pattern.compile(
            "\\brunning(?= (?:the|our|a|an|my|their|its|all|every|your|these|those|this|that|both)\\b)");
    /** "not ours" is someone else's; stemmed, "ours" would be the stopword "our" and "not ours" read as "not our db". */
    private static final Pattern NOT_OURS = Pattern.compile("\\b(?:not (?:anything |any |one |something )?of ours|nothing of ours|none of ours|not ours)\\b");
    /** A factor ("15x", "2.5 x"): twice or more is a level well above its baseline, however it is written. */
    private static final Pattern FACTOR = Pattern.compile("(?<![\\w.])(\\d{1,4}(?:\\.\\d+)?)\\s?x(?!\\w|\\.\\w)");
    /** A count of none that a value moves from ("queue 0 -> 250k"): a count, no negation. */
    private static final Pattern FROM_NONE = Pattern.compile("(?<![\\w.])0(?=\\s*(?:->|\u2192|=>))");
    private static final Pattern BREAK_IN_WORD = Pattern.compile("[.;:!?](?=[^\\s.;:!?])");

    static String rewrite(String lower) { return rewrite(lower, w -> null); }

    /** As {@link #rewrite(String)}; {@code concept} gives a single word's concept, or null, to read host names by. */
    static String rewrite(String lower, java.util.function.Function<String, String> concept) {
        String s = lower;
        s = Rises.read(s);
        if (s.indexOf('%') >= 0 || s.contains("percent")) s = share(s);
        if (s.contains("ms")) s = quick(percentiles(s));
        // a namespaced name ("Elasticsearch::Transport::Errors::ServiceUnavailable") is one name, no labels and colons
        if (s.contains("::")) s = s.replace("::", " ");
        if (s.contains("=")) s = SEARCH_PARAM.matcher(s).replaceAll(" search ");
        if (s.contains("just ")) s = JUST_FAILS.matcher(s).replaceAll("");
        if (s.contains("just ") || s.contains("only ")) s = FINE_BUT_ONLY.matcher(s).replaceAll("$1except");
        if (s.contains("succeeded in ")) s = SUCCEEDED_IN.matcher(s).replaceAll("took ");
        if (s.indexOf('s') >= 0 || s.contains("min")) s = Waits.slow(s);
        s = Tallies.counted(s);
        if (s.indexOf('/') >= 0) s = NONE_OF.matcher(PoolCounts.read(s)).replaceAll(" $1 noneready ");
        if (s.indexOf('.') >= 0) s = dotted(s);
        if (s.indexOf('.') >= 0) s = hosts(s.contains("host") ? HOST_PARAM.matcher(s).replaceAll(" called ") : s, concept);
        if (s.indexOf('\'') >= 0 || s.indexOf('\u2019') >= 0) s = THEIR_NAME.matcher(THEIR_API.matcher(s).replaceAll(" external api ")).replaceAll("vendor");
        if (s.contains(" api")) s = WAITED_API.matcher(s).replaceAll("$1 external api");
        if (s.contains("their ")) s = THEIR_OWN_API.matcher(s).replaceAll(" external api ");
        if (s.contains("call") || s.contains("://") || s.contains("http ") || s.contains("http: ")) s = CALLED_API.matcher(s).replaceAll(" external api call ");
        if (s.indexOf('-') >= 0) s = ORDINAL.matcher(NUMBERED_HOST.matcher(s).replaceAll("host")).replaceAll("");
        if (s.indexOf('\n') >= 0) s = NO_RESTARTS.matcher(s).replaceAll("$1$2nil");
        if (s.indexOf('[') >= 0) s = EMPTY_LIST.matcher(s).replaceAll(" empty ");
        if (s.contains(" ours")) s = NOT_OURS.matcher(s).replaceAll(" notours ");
        if (s.contains("running ")) s = RUNNING_SOMETHING.matcher(s).replaceAll("that runs");
        if (s.indexOf('x') >= 0 && Tallies.numberBegins(s, '0', '9', ".")) s = factors(s);
        if (s.contains("0")) s = FROM_NONE.matcher(s).replaceAll("nil");
        return BREAK_IN_WORD.matcher(s).replaceAll(" ");
    }

    /** {@code text} (as typed) without the header lines of pasted tables. */
    static String withoutHeaders(String text) {
        if (text.indexOf('\n') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            int columns = 0;
            boolean header = true;
            for (String w : line.trim().split("\\s+")) {
                if (COLUMNS.contains(w)) columns++;
                else if (!w.isEmpty() && !w.equals(w.toUpperCase(java.util.Locale.ROOT))) header = false;
            }
            if (out.length() > 0) out.append('\n');
            if (!header || columns < 2) out.append(line);
        }
        return out.toString();
    }

    /**
     * A bare host name reads "hostname" (a private one, "ip-10-0-2-87.ec2.internal", a machine: "node"), unless an HTTP
     * client names it as the host it called ("external api") or one of its labels names a vendor, a store or a service
     * ("api.stripe.com" is an external API, "minio.internal" object storage, "db1.abc.rds.amazonaws.com" the database).
     */
    private static String hosts(String s, java.util.function.Function<String, String> concept) {
        Matcher m = HOST.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String named = CALLED.matcher(s).region(Math.max(0, m.start() - 16), m.start()).find() ? "extapi" : null;
            if (named == null) {
                for (String label : m.group().split("[.-]")) {
                    String c = label.length() < 2 ? null : concept.apply(label);
                    if (c != null && NAMED_BY_HOST.contains(c)) {
                        named = c;
                        break;
                    }
                }
            }
            m.appendReplacement(sb, named != null ? " " + named + " " : INTERNAL.matcher(m.group()).find() ? " node " : " hostname ");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A factor of two or more reads as the lexicon's "10x" (high; "10x normal" is no health word "normal"). */
    private static String factors(String s) {
        Matcher m = FACTOR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Double.parseDouble(m.group(1)) >= 2 ? "10x" : "$0");
        m.appendTail(sb);
        return sb.toString();
    }

    /** "10.0.3.7" is an address, "5.000" or "20.04" a number: neither is a sentence's end or a "0". */
    private static String dotted(String s) {
        Matcher m = DOTTED.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int dots = 0;
            for (int i = m.start(); i < m.end(); i++) if (s.charAt(i) == '.') dots++;
            m.appendReplacement(sb, dots == 3 ? " ip " : " num ");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String quick(String s) {
        Matcher m = QUICK.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            // "50ms slower" says how much something moved, not how long it takes
            boolean change = CHANGE.matcher(s).region(m.end(), s.length()).lookingAt()
                    || Waits.BASELINE_BEFORE.matcher(s).region(Math.max(0, m.start() - 20), m.start()).find();
            m.appendReplacement(sb, !change && Integer.parseInt(m.group(1)) <= 100 ? " fast " : m.group());
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether the share at {@code from..to} of {@code s} is the level of a resource ("cpu 30%", "40% used"), not moving. */
    private static boolean resourceLevel(String s, int from, int to) {
        int back = Math.max(0, from - 40);
        if (MOVING_BEFORE.matcher(s).region(back, from).find() || MOVING_AFTER.matcher(s).region(to, s.length()).lookingAt()) return false;
        return RESOURCE_AFTER.matcher(s).region(to, s.length()).lookingAt()
                || RESOURCE_BEFORE.matcher(s).region(back, from).find();
    }

    /** "p99 120ms": a percentile whose duration is at most 300 ms is fast, whatever "p99" alone says. */
    private static String percentiles(String s) {
        if (s.indexOf('p') < 0) return s;
        Matcher m = PERCENTILE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            boolean change = CHANGE.matcher(s).region(m.end(), s.length()).lookingAt();
            m.appendReplacement(sb, !change && Integer.parseInt(m.group(3)) <= 300 ? m.group(1) + " fast " : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String share(String s) {
        Matcher m = SHARE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int v = Integer.parseInt(m.group(1));
            // "10% above normal" is a change, not a level: it says nothing of low or high
            boolean change = CHANGE.matcher(s).region(m.end(), s.length()).lookingAt()
                    || CHANGE_BEFORE.matcher(s).region(Math.max(0, m.start() - 20), m.start()).find();
            String level = change ? null : v <= 20 ? " low " : v >= 80 ? " high " : resourceLevel(s, m.start(), m.end()) ? " moderate " : null;
            m.appendReplacement(sb, level != null ? level : m.group(1) + " percent");
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

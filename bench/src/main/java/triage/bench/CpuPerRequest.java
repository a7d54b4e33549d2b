package triage.bench;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's CPU time and heap allocation per {@code POST /api/diagnose}, measured rather than
 * inferred from throughput (which a shared machine disturbs): starts each server to compare on a
 * loopback port, warms each with a fixed number of requests, then sends each a batch in turn,
 * round after round, from a few keep-alive connections, and divides what each process used
 * during its own batches (CPU time of all its threads, GC and JIT included, in nanoseconds from
 * {@code /proc/PID/task/TID/schedstat}; bytes allocated by all its threads, read over a local JMX
 * connection) by the requests it answered; the median batch is printed too, as the figure a
 * batch disturbed by something else moves least. Taking turns puts whatever else the machine
 * runs on every server alike, so the figures compare; on a busy machine they are all higher than
 * on a quiet one, and a server started later has read higher whatever its build: compare in both
 * orders. Every server is stopped by its own pid; the whole run is bounded in time.
 *
 * <pre>
 * java bench/src/main/java/triage/bench/CpuPerRequest.java [repeated|varied|hostile] [echo] [--jar JAR]...
 *      [--warm N] [--requests N] [--rounds N] [--connections N] [--jfr FILE]
 * </pre>
 *
 * Run from the repository root after {@code mvn -B -ntp -q -DskipTests package}, as a source file:
 * it needs no build of the bench module, so it uses no other class of it (the harness,
 * {@link Run}, uses its {@link Listening} instead). The bodies are
 * the HTTP bench's: {@code bench/diagnose.lua}'s four in turn ({@code repeated}), or one to three
 * of {@code bench/varied.lua}'s sentences drawn with a fixed seed ({@code varied}), or
 * {@code bench/hostile.lua}'s worst bodies ({@code hostile}; give it fewer requests). Each
 * {@code --jar} is a build of Triage to measure ({@code target/triage.jar} when none is given; a
 * copy of the jar from before a change is the way to compare); {@code echo} adds the bench's
 * {@code EchoServer}, compiled against the first jar into a temporary directory.
 * {@code --jfr FILE} records the last server's measured batches with JFR's {@code profile}
 * settings (its figures then include the recording's own cost: use it to find where, not to compare).
 */
public final class CpuPerRequest {
    /**
     * A server started for measuring, from the moment it said where it listens ({@code listening on
     * http://HOST:PORT}), after {@code nanos}; what it prints later is read and dropped, so that a full
     * pipe never blocks it. It runs with a fresh rule cache, and with the per-client rate limit raised
     * so far that one client's load is never answered 429 (the limiter still runs on every request).
     */
    public record Listening(Process process, int port, long nanos) {
        private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

        /** Starts {@code cmd} in {@code dir} (null: this one) with {@code cache} as its rule cache. */
        public static Listening start(List<String> cmd, Path dir, Path cache) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (dir != null) pb.directory(dir.toFile());
            pb.environment().put("TRIAGE_CACHE", cache.toString());
            pb.environment().put("TRIAGE_RATE_LIMIT", "1000000000");
            pb.environment().put("TRIAGE_RATE_BURST", "1000000000");
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String l; (l = r.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(l);
                    if (m.find()) {
                        long nanos = System.nanoTime() - t0;
                        Thread drain = new Thread(() -> {
                            try {
                                while (r.readLine() != null) { /* keep the pipe flowing */ }
                            } catch (IOException ignored) { }
                        }, "drain-" + p.pid());
                        drain.setDaemon(true);
                        drain.start();
                        return new Listening(p, Integer.parseInt(m.group(1)), nanos);
                    }
                    seen.append(l).append('\n');
                }
                throw new IllegalStateException(cmd + " never said 'listening on':\n" + seen);
            } catch (IOException | RuntimeException e) {
                p.destroyForcibly();  // this pid only
                throw e;
            }
        }
    }

    /** Nothing this program does takes longer than this. */
    private static final long DEADLINE_MS = TimeUnit.MINUTES.toMillis(10);

    /** One server under measurement, and what it used over the measured batches. */
    private static final class Server {
        final String name;
        final Process process;
        final int port;
        Allocation allocation;
        long nanos;
        long bytes;
        long requests;
        /** Requests sent so far, warming included: the next body's index. */
        long sent;
        final List<Double> batches = new ArrayList<>();

        Server(String name, Process process, int port) {
            this.name = name;
            this.process = process;
            this.port = port;
        }
    }

    public static void main(String[] args) throws Exception {
        String workload = "repeated";
        int warm = 20_000, requests = 20_000, connections = 4, rounds = 10;
        boolean echo = false;
        String jfr = null;
        List<String> jars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "echo" -> echo = true;
                case "repeated", "varied", "hostile" -> workload = args[i];
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--jar" -> jars.add(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath().toString();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jars.isEmpty()) jars.add("target/triage.jar");
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        Path tmp = Files.createTempDirectory("cpu-per-request-");
        List<Server> servers = new ArrayList<>();
        try {
            if (echo) servers.add(start("echo", jars.get(0), tmp.resolve("echo")));
            for (int j = 0; j < jars.size(); j++) servers.add(start(jars.get(j), jars.get(j), tmp.resolve("triage-" + j)));
            Bodies bodies = switch (workload) {
                case "repeated" -> Bodies.repeated();
                case "hostile" -> hostile();
                default -> Bodies.varied();
            };
            // warmed in turn too, so that no server is measured while another is still warming
            for (int r = 0; r < rounds; r++) {
                for (Server s : servers) drive(s, bodies, Math.max(1, warm / rounds), connections, deadline);
            }
            for (Server s : servers) s.allocation = Allocation.of(s.process.pid());
            if (jfr != null) jcmd(servers.get(servers.size() - 1).process.pid(), "JFR.start", "name=cpr", "settings=profile");
            // each server in turn, a batch at a time: whatever else the machine runs meanwhile falls on all alike
            int batch = Math.max(1, requests / rounds);
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < servers.size(); k++) {
                    Server s = servers.get((r + k) % servers.size());  // and none is always first
                    long nanos = cpuNanos(s.process.pid());
                    long bytes = s.allocation.total();
                    drive(s, bodies, batch, connections, deadline);
                    s.bytes += s.allocation.total() - bytes;
                    long used = cpuNanos(s.process.pid()) - nanos;
                    s.nanos += used;
                    s.batches.add(used / 1e3 / batch);
                    s.requests += batch;
                }
            }
            if (jfr != null) jcmd(servers.get(servers.size() - 1).process.pid(), "JFR.stop", "name=cpr", "filename=" + jfr);
            System.out.printf("%s bodies, %d requests each after %d, in %d rounds, %d connections (load %s):%n",
                    workload, batch * rounds, warm, rounds, connections, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            for (Server s : servers) {
                List<Double> b = s.batches.stream().sorted().toList();
                System.out.printf("  %-36s CPU %6.1f us/request (median batch %6.1f), %6.0f bytes/request%n", s.name,
                        s.nanos / 1e3 / s.requests, b.get(b.size() / 2), (double) s.bytes / s.requests);
            }
        } finally {
            for (Server s : servers) {
                if (s.allocation != null) s.allocation.close();
                s.process.destroy();  // SIGTERM to this pid only
                if (!s.process.waitFor(20, TimeUnit.SECONDS)) s.process.destroyForcibly().waitFor();
            }
            try (var s = Files.walk(tmp)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    private static Server start(String name, String jar, Path tmp) throws Exception {
        Files.createDirectories(tmp);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        if (name.equals("echo")) {
            Path classes = Files.createDirectories(tmp.resolve("classes"));
            Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                    "-cp", jar, "-d", classes.toString(),
                    "bench/src/main/java/triage/bench/EchoServer.java").inheritIO().start();
            if (!javac.waitFor(2, TimeUnit.MINUTES) || javac.exitValue() != 0) throw new IllegalStateException("javac failed");
            cmd.addAll(List.of(java, "-cp", jar + File.pathSeparator + classes,
                    "triage.bench.EchoServer", "0"));
        } else {
            cmd.addAll(List.of(java, "-jar", jar, "serve", "--port", "0"));
        }
        Listening l = Listening.start(cmd, null, Files.createDirectories(tmp.resolve("cache")));
        return new Server(name, l.process(), l.port());
    }

    /** Runs a diagnostic command on the server (a flight recording, {@code --jfr FILE}). */
    private static void jcmd(long pid, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process j = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        if (!j.waitFor(1, TimeUnit.MINUTES)) {
            j.destroyForcibly();
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " did not end");
        }
    }

    /**
     * CPU time of every thread of {@code pid} in nanoseconds: the first field of each
     * {@code /proc/PID/task/TID/schedstat} (time on a CPU, user and system), summed. A thread that
     * ends between two readings takes its time with it; a server's request threads live on.
     */
    private static long cpuNanos(long pid) throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("schedstat"));
                    sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                } catch (IOException ended) {
                    // the thread ended while listed
                }
            }
        }
        return sum;
    }

    /** The bodies sent, the bench's: the same four in turn, or one to three sentences at random. */
    interface Bodies {
        /** The body of a server's {@code i}th request: every server is sent the same sequence. */
        byte[] next(long i);

        static Bodies repeated() throws IOException {
            Matcher m = Pattern.compile("'(\\{\"observations\".*\\})'").matcher(Files.readString(Path.of("bench/diagnose.lua")));
            List<byte[]> all = new ArrayList<>();
            while (m.find()) all.add(m.group(1).getBytes(StandardCharsets.UTF_8));
            if (all.isEmpty()) throw new IllegalStateException("no bodies in bench/diagnose.lua");
            return i -> all.get((int) (i % all.size()));
        }

        static Bodies varied() throws IOException {
            Matcher m = Pattern.compile("\\[==\\[(.*?)\\]==\\]").matcher(Files.readString(Path.of("bench/varied.lua")));
            List<String> all = new ArrayList<>();
            while (m.find()) all.add(m.group(1));
            if (all.isEmpty()) throw new IllegalStateException("no sentences in bench/varied.lua");
            return i -> {
                SplittableRandom random = new SplittableRandom(i);
                int n = 1 + random.nextInt(3);
                List<String> parts = new ArrayList<>();
                for (int k = 0; k < n; k++) parts.add(all.get(random.nextInt(all.size())));
                return ("{\"observations\": [" + String.join(", ", parts) + "]}").getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    /**
     * {@code bench/hostile.lua}'s bodies, made the same way: just under 64 KiB of its thirty-one words in
     * 48 observations joined by spaces, commas, "and", "or" and "not and" in turn, and every sixth
     * as many words in no list (drawn with the request's number as the seed, so every server gets the same).
     */
    static Bodies hostile() {
        String[] words = {"login", "search", "redis", "queue", "etcd", "driver", "core", "module", "execute",
                "backoffice", "system", "request", "service", "api", "log", "worker", "database", "pool", "memory",
                "s3", "dns", "pod", "down", "fails", "works", "not", "no", "slow", "grow", "high", "cpu"};
        List<byte[]> shapes = new ArrayList<>();
        for (String sep : List.of(" ", ", ", " and ", " or ", " not and ")) {
            List<String> obs = new ArrayList<>();
            int k = 0;
            for (int o = 0; o <= 47; o++) {
                List<String> parts = new ArrayList<>();
                int len = 0;
                while (len < 1276) {
                    String w = words[(k * 7 + o) % words.length];
                    parts.add(w);
                    len += w.length() + sep.length();
                    k++;
                }
                obs.add('"' + String.join(sep, parts) + '"');
            }
            shapes.add(("{\"observations\": [" + String.join(",", obs) + "]}").getBytes(StandardCharsets.UTF_8));
        }
        return i -> {
            long n = i + 1;  // the script counts from one
            if (n % 6 == 0) {
                SplittableRandom random = new SplittableRandom(n);
                List<String> obs = new ArrayList<>();
                for (int o = 0; o <= 47; o++) {
                    List<String> parts = new ArrayList<>();
                    int len = 0;
                    while (len < 1276) {
                        StringBuilder w = new StringBuilder();
                        for (int c = 0, m = 5 + random.nextInt(7); c < m; c++) w.append((char) ('a' + random.nextInt(26)));
                        parts.add(w.toString());
                        len += w.length() + 1;
                    }
                    obs.add('"' + String.join(" ", parts) + '"');
                }
                return ("{\"observations\": [" + String.join(",", obs) + "]}").getBytes(StandardCharsets.UTF_8);
            }
            return shapes.get((int) (n % shapes.size()));
        };
    }

    /** Sends {@code count} more requests to {@code s} over {@code connections} keep-alive connections; every answer must be 200. */
    private static void drive(Server server, Bodies bodies, int count, int connections, long deadline) throws Exception {
        int port = server.port;
        long first = server.sent;
        server.sent += count;
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(10_000);
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new java.io.BufferedInputStream(s.getInputStream());
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("out of time");
                        byte[] body = bodies.next(first + i);
                        String head = "POST /api/diagnose HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
                        out.write(head.getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                        int status = response(in);
                        if (status != 200) throw new IllegalStateException("answered " + status + " to " + new String(body, StandardCharsets.UTF_8));
                    }
                } catch (Throwable e) {
                    failed.add(e);
                    next.set(count);
                }
            }, "client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join(Math.max(1, deadline - System.currentTimeMillis()));
        if (!failed.isEmpty()) throw new IllegalStateException("a client failed", failed.get(0));
    }

    /** Reads one response (Content-Length or chunked) and returns its status. */
    private static int response(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).strip());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        if (chunked) {
            for (long n; (n = Long.parseLong(line(in).strip(), 16)) > 0; ) {
                skip(in, n);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return code;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) throw new IOException("connection closed mid-body");
                k = 1;
            }
            n -= k;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("connection closed");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** Bytes allocated by all the server's threads, read over a local JMX connection to it. */
    private static final class Allocation implements AutoCloseable {
        private final JMXConnector connector;
        private final MBeanServerConnection mbeans;
        private final ObjectName threading = new ObjectName("java.lang:type=Threading");

        private Allocation(JMXConnector connector) throws Exception {
            this.connector = connector;
            this.mbeans = connector.getMBeanServerConnection();
        }

        static Allocation of(long pid) throws Exception {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                String address = vm.startLocalManagementAgent();
                return new Allocation(JMXConnectorFactory.connect(new JMXServiceURL(address)));
            } finally {
                vm.detach();
            }
        }

        long total() throws Exception {
            return (Long) mbeans.getAttribute(threading, "TotalThreadAllocatedBytes");
        }

        @Override public void close() throws IOException { connector.close(); }
    }
}

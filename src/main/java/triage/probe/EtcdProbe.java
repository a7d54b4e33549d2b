package triage.probe;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.cluster.MemberListResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.options.GetOption;
import triage.util.CallDeadline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * etcd through jetcd: the endpoint's status (version, leader, errors), the member list, and a
 * linearizable count of the keys under option {@code prefix}, where PlaceOS core instances
 * register themselves: zero means "no core instances". The count needs a quorum, so it is also
 * the health check ({@code etcdctl endpoint health} reads a key the same way).
 *
 * <p>jetcd has no per-call deadline and by default waits for a ready channel, which against a
 * hung etcd is forever: an interceptor gives every call the check's deadline, and calls fail at
 * once when the channel cannot connect instead of waiting for it.
 */
final class EtcdProbe implements Probe {
    static final String REGISTERED_SYMPTOM = "core-registered";

    private final String endpoint;
    private final String prefix;
    private final long fallbackNanos;
    private final Target target;
    private final Duration timeout;
    /** Made on the first check: jetcd, gRPC and Vert.x are a few hundred ms of class loading. */
    private Client client;
    /** When the calls of the check under way must end (System.nanoTime); one check at a time. */
    private volatile long callDeadline;
    /** The last status call: it runs on a channel of its own, shut down when the call ends. */
    private volatile CompletableFuture<StatusResponse> lastStatus;

    EtcdProbe(Target target, Duration timeout) {
        this.endpoint = target.uri().getScheme() + "://" + target.uri().getHost()
                + (target.uri().getPort() < 0 ? "" : ":" + target.uri().getPort());
        String p = target.options().get("prefix");
        this.prefix = p == null || p.isBlank() ? null : p;
        this.fallbackNanos = timeout.toNanos();
        this.target = target;
        this.timeout = timeout;
    }

    private synchronized Client client() {
        if (client != null) return client;
        ClientBuilder b = Client.builder()
                .endpoints(endpoint)
                .connectTimeout(timeout)
                .waitForReady(false)
                .retryMaxAttempts(0)
                .interceptor(new CallDeadline(this::callTimeLeft));
        if (target.user() != null) {
            b.user(ByteSequence.from(target.user(), StandardCharsets.UTF_8));
            b.password(ByteSequence.from(target.password() == null ? "" : target.password(), StandardCharsets.UTF_8));
        }
        client = b.build();
        return client;
    }

    /** Every gRPC call gets the deadline of the check under way (calls outside a check: the probe timeout). */
    private long callTimeLeft() {
        long left = callDeadline - System.nanoTime();
        return left > 0 ? left : fallbackNanos;
    }

    /** One check, result unused: it loads gRPC's classes and connects the channel ahead of the first question. */
    @Override public void open(long deadline) {
        try {
            check(deadline);
        } catch (Exception e) {
            // the first check will report it
        }
    }

    @Override public Finding check(long deadline) throws Exception {
        callDeadline = deadline;
        Client client = client();
        CompletableFuture<StatusResponse> status = client.getMaintenanceClient().statusMember(endpoint);
        lastStatus = status;
        CompletableFuture<MemberListResponse> members = client.getClusterClient().listMember();
        ByteSequence key = ByteSequence.from(prefix == null ? "health" : prefix, StandardCharsets.UTF_8);
        CompletableFuture<GetResponse> count = client.getKVClient().get(key,
                GetOption.builder().isPrefix(prefix != null).withCountOnly(true).build());
        // nothing is cancelled on the way out: that would not reach the gRPC calls, which end by their deadline
        StatusResponse s = await(status, deadline);
        MemberListResponse m = await(members, deadline);
        GetResponse keys = await(count, deadline);
        StringBuilder detail = new StringBuilder("etcd ").append(s.getVersion())
                .append(", ").append(m.getMembers().size()).append(" member(s)");
        if (!s.getErrorList().isEmpty()) return Finding.down(detail + "; errors: " + String.join("; ", s.getErrorList()));
        if (s.getLeader() == 0) return Finding.down(detail + "; no leader");
        detail.append(", leader ").append(Long.toHexString(s.getLeader()));
        if (prefix == null) return Finding.up(detail.toString());
        long n = keys.getCount();
        detail.append("; ").append(n).append(n == 1 ? " key" : " keys").append(" under ").append(prefix)
                .append(n == 0 ? " (no core instances registered)" : "");
        return Finding.up(detail.toString()).with(REGISTERED_SYMPTOM, n > 0);
    }

    private static <T> T await(CompletableFuture<T> f, long deadline) throws Exception {
        try {
            return f.get(Probe.remainingMs(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer before the deadline");
        }
    }

    @Override public void close() {
        // let a status call still under way end (by its deadline) and shut its channel, rather than orphan it
        CompletableFuture<StatusResponse> s = lastStatus;
        if (s != null) {
            try {
                s.get(fallbackNanos, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // ended one way or another
            }
        }
        synchronized (this) {
            if (client != null) client.close();
        }
    }
}

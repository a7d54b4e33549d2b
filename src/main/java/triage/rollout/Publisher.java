package triage.rollout;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.PutResponse;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Writes a set that has passed lint under the prefix, as one key, so as one etcd revision. */
public final class Publisher {
    /** What was written: the set's revision and the etcd revision it became. */
    public record Published(String revision, long etcdRevision, int files, int bytes) {}

    /** etcd's default request limit is 1.5 MiB; stay clear of it with a message rather than a gRPC error. */
    static final int MAX_BYTES = 1_400_000;

    private Publisher() {}

    public static Published publish(Etcd etcd, RunbookSet set) throws EtcdUnavailable {
        byte[] json = set.toJson();
        if (json.length > MAX_BYTES) {
            throw new IllegalArgumentException("the set is " + json.length + " bytes; etcd takes at most ~1.5 MB in one request");
        }
        try (Client client = etcd.connect()) {
            PutResponse r = await(client.getKVClient().put(etcd.setKey(), ByteSequence.from(json)), etcd);
            return new Published(set.revision(), r.getHeader().getRevision(), set.files().size(), json.length);
        }
    }

    /** Waits for a call the deadline interceptor already bounds; the outer wait is only a safety net. */
    static <T> T await(java.util.concurrent.CompletableFuture<T> call, Etcd etcd) throws EtcdUnavailable {
        Duration max = etcd.timeout().plusSeconds(2);
        try {
            return call.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new EtcdUnavailable("interrupted", e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new EtcdUnavailable("no answer within " + max.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            while (cause.getCause() != null && cause.getMessage() != null && cause.getMessage().contains(cause.getCause().toString())) {
                cause = cause.getCause();
            }
            throw new EtcdUnavailable(EtcdUnavailable.describe(cause), cause);
        }
    }
}

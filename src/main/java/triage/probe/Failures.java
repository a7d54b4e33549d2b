package triage.probe;

import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.RedisCommandTimeoutException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/** Turns what a check threw into a finding: a deadline that passed is a timeout, everything else is down. */
final class Failures {
    private Failures() {}

    static Finding of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TimeoutException || c instanceof SocketTimeoutException || c instanceof HttpTimeoutException
                    || c instanceof RedisCommandTimeoutException || c instanceof io.netty.channel.ConnectTimeoutException) {
                return Finding.timeout(c instanceof HttpConnectTimeoutException ? "connect timed out" : "no answer before the deadline");
            }
            if (c instanceof io.lettuce.core.RedisCommandExecutionException r && r.getMessage() != null
                    && (r.getMessage().startsWith("NOAUTH") || r.getMessage().startsWith("WRONGPASS"))) {
                // Redis answered: it is up, but Triage may not look; that says nothing about its health
                return new Finding(triage.model.ProbeResult.Status.DOWN, "authentication failed (" + r.getMessage().split(" ")[0] + ")", null, null);
            }
            if (c instanceof StatusRuntimeException s) return grpc(s.getStatus());
            if (c instanceof EtcdException e && e.getErrorCode() == io.etcd.jetcd.common.exception.ErrorCode.DEADLINE_EXCEEDED) {
                return Finding.timeout("no answer before the deadline (DEADLINE_EXCEEDED)");
            }
            if (c instanceof ConnectException) return Finding.down("connection refused");
            if (c instanceof NoRouteToHostException) return Finding.down("no route to host");
            if (c instanceof UnknownHostException u) return Finding.down("host does not resolve: " + u.getMessage());
            if (c instanceof ClosedChannelException) return Finding.down("connection closed");
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Finding.down(msg.length() > 200 ? msg.substring(0, 200) + "..." : msg);
    }

    private static Finding grpc(Status s) {
        String d = s.getDescription() == null ? "" : ": " + s.getDescription();
        if (d.length() > 160) d = d.substring(0, 160) + "...";
        return switch (s.getCode()) {
            case DEADLINE_EXCEEDED -> Finding.timeout("no answer before the deadline (DEADLINE_EXCEEDED)");
            case UNAVAILABLE -> Finding.down("unavailable" + (s.getCause() instanceof ConnectException ? ": connection refused" : d));
            default -> Finding.down(s.getCode() + d);
        };
    }
}

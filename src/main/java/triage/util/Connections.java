package triage.util;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** What a failed HTTP call tells about whether anything was sent. */
public final class Connections {
    private Connections() {}

    /**
     * Refused, unreachable, unresolvable, or no connection within the connect timeout: nothing was
     * sent, so the call may be retried without delivering twice.
     */
    public static boolean notConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}

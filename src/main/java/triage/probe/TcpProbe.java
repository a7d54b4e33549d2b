package triage.probe;

import java.net.InetSocketAddress;
import java.net.Socket;

/** A TCP connect: the port accepts connections (RethinkDB's driver port, any port). */
final class TcpProbe implements Probe {
    private final String host;
    private final int port;

    TcpProbe(Target target) {
        this.host = target.uri().getHost();
        this.port = target.uri().getPort();
    }

    @Override public Finding check(long deadline) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, Probe.remainingMs(deadline)));
            return Finding.up("port " + port + " accepts connections");
        }
    }
}

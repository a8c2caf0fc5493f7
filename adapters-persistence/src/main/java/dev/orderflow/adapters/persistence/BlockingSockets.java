package dev.orderflow.adapters.persistence;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

/**
 * The sockets the pool's connections reach PostgreSQL over: a {@link SocketChannel}'s socket instead of the JDK's
 * default one.
 * <p>
 * The default socket turns non-blocking for good at its first timed operation (pgjdbc's connect timeout, the
 * pool's network timeout while it checks a connection), and from then on every read that waits for the server's
 * answer is three system calls: a read that finds nothing, a {@code poll} that waits, and the read. A channel's
 * socket goes back to blocking after a timed operation, so the answer to a statement is one read that waits.
 * <p>
 * What differs: a thread that is interrupted while it waits for the server closes its connection, as a channel
 * is interruptible. The statement fails, PostgreSQL rolls the transaction back, and the pool drops the connection
 * and opens another. pgjdbc's SOCKS proxy setting ({@code socksProxyHost}) does not apply to these sockets.
 * <p>
 * Public, with a public constructor, because pgjdbc makes it by name ({@code socketFactory}).
 */
public final class BlockingSockets extends SocketFactory {

    /** Any local address, a port the system picks. */
    private static final InetSocketAddress ANY_LOCAL = new InetSocketAddress(0);

    /** An unconnected socket: pgjdbc binds and connects it itself, with its connect timeout. */
    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(ANY_LOCAL, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(ANY_LOCAL, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        var socket = createSocket();
        try {
            socket.bind(local);
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lean HTTP/1.1 client for the load generators (bench/Load.java, bench/OpenLoop.java): blocking sockets, meant for
 * virtual threads, one request at a time per connection, idle connections kept and reused, a new one opened when none
 * is idle. The JDK's {@code HttpClient} took a whole core at 1 200 requests/s on these machines, so a generator
 * built on it measured its own queueing at 4x overload; this one costs a fraction of that.
 * <p>
 * Reads a response by its {@code Content-Length} or chunked; closes the connection when the server says
 * {@code Connection: close}. A request on a reused connection that the server closed before answering is sent once
 * more on a new one (the generators' POSTs carry an Idempotency-Key, so that is safe).
 */
final class Http1 implements AutoCloseable {

    /** A response: its status, its headers (names in lower case) and its body as text. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final InetSocketAddress address;
    private final String host;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();

    Http1(URI base, int connectTimeoutMillis, int readTimeoutMillis) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Sends a request (body may be null) and reads its response; throws if the connection fails or times out. */
    Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
        var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        var connection = idle.pollFirst();
        if (connection != null) {
            try {
                return exchange(connection, request, content);
            } catch (EOFException | SocketException closedWhileIdle) {
                // the server closed it while it was idle: once more on a new connection
            }
        }
        return exchange(connect(), request, content);
    }

    /** How many connections were opened so far. */
    long connectionsOpened() {
        return opened.get();
    }

    /** How many responses so far closed their connection ({@code Connection: close}). */
    long connectionsClosedByServer() {
        return closedByServer.get();
    }

    private Response exchange(Connection connection, byte[] request, byte[] content) throws IOException {
        try {
            connection.out.write(request);
            connection.out.write(content);
            connection.out.flush();
            var response = connection.read();
            if ("close".equalsIgnoreCase(response.header("connection"))) {
                closedByServer.incrementAndGet();
                connection.close();
            } else {
                idle.addFirst(connection);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Connection connect() throws IOException {
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, connectTimeoutMillis);
            opened.incrementAndGet();
            socket.setSoTimeout(readTimeoutMillis);
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        open.forEach(Connection::close);
    }

    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
            open.add(this);
        }

        Response read() throws IOException {
            var status = line();
            if (status.isEmpty()) {
                throw new EOFException("the server closed the connection");
            }
            var headers = new TreeMap<String, String>();
            for (var line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            var body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (headers.containsKey("content-length")) {
                int length = Integer.parseInt(headers.get("content-length"));
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new EOFException("the server closed the connection inside a response");
                }
                body.write(bytes);
            }
            return new Response(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
        }

        /** One line without its CRLF; empty at the end of the stream. */
        private String line() throws IOException {
            var line = new StringBuilder(64);
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            open.remove(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

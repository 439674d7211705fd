package dev.tenure.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: pick a free one, or insist that a configured one is free. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PeerException("no free loopback port: " + e.getMessage(), e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with one line naming the port, its use, and the option that changes it. */
    public static void requireFree(int port, String usedFor, String optionToChange) {
        if (!isFree(port)) {
            throw new PeerException("port " + port + " (" + usedFor + ") is already in use; stop what holds it"
                    + " (ss -ltnp 'sport = :" + port + "') or choose another with " + optionToChange);
        }
    }
}

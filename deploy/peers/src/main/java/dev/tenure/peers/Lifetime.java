package dev.tenure.peers;

import java.nio.file.Path;

/**
 * How long a started server lives. Bound to this JVM (tests): it ends with us, however we end,
 * and its data folder goes with it. Detached (the local launcher): it outlives us until stopped.
 */
public record Lifetime(long ownerPid, Path deleteOnEnd) {

    public static Lifetime boundToThisJvm(Path deleteOnEnd) {
        return new Lifetime(ProcessHandle.current().pid(), deleteOnEnd);
    }

    public static Lifetime detached() {
        return new Lifetime(0, null);
    }

    public boolean isDetached() {
        return ownerPid == 0;
    }
}

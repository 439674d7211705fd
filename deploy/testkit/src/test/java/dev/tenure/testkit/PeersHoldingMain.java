package dev.tenure.testkit;

import java.util.stream.Collectors;

/** Starts the peers, says where they are, and waits to be killed: the subject of KilledTestRunCleanupIT. */
public final class PeersHoldingMain {

    public static void main(String[] args) throws InterruptedException {
        TenurePeers peers = TenurePeers.shared();
        System.out.println("PEERS " + peers.workDir().orElseThrow() + " "
                + peers.serverPids().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

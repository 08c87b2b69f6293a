package deltakv.engine.raft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code --peers} list: parsed and checked up front so a bad list fails with a one-line reason. */
public record PeerList(List<PeerAddress> peers) {
    public PeerList {
        peers = List.copyOf(peers);
    }

    /** Parses {@code n1=host:raft:redis,n2=…}; throws IllegalArgumentException naming the bad part. */
    public static PeerList parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("--peers is empty");
        List<PeerAddress> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        for (String part : spec.split(",")) {
            PeerAddress p = parseOne(part.trim());
            if (!ids.add(p.id())) throw new IllegalArgumentException("peer id '" + p.id() + "' appears twice in --peers");
            if (!endpoints.add(p.host() + ":" + p.raftPort()) || !endpoints.add(p.host() + ":" + p.redisPort())) {
                throw new IllegalArgumentException("peer '" + part.trim() + "' reuses a port already in --peers");
            }
            out.add(p);
        }
        return new PeerList(out);
    }

    private static PeerAddress parseOne(String part) {
        String expected = "expected id=host:raftPort:redisPort, got '" + part + "'";
        int eq = part.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("bad peer: " + expected);
        String id = part.substring(0, eq);
        if (!id.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("bad peer id '" + id + "': use letters, digits, - or _");
        String[] hp = part.substring(eq + 1).split(":");
        if (hp.length != 3 || hp[0].isEmpty()) throw new IllegalArgumentException("bad peer: " + expected);
        return new PeerAddress(id, hp[0], port(hp[1], part), port(hp[2], part));
    }

    private static int port(String s, String part) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // fall through to the one-line reason
        }
        throw new IllegalArgumentException("bad port '" + s + "' in peer '" + part + "' (1-65535)");
    }

    public Optional<PeerAddress> find(String id) {
        return peers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The entry for {@code id}; a node must be in its own peer list. */
    public PeerAddress self(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "--id " + id + " is not in --peers (" + ids() + ")"));
    }

    public List<String> ids() {
        return peers.stream().map(PeerAddress::id).toList();
    }

    public int size() {
        return peers.size();
    }
}

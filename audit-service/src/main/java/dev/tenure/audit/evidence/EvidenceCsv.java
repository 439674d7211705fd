package dev.tenure.audit.evidence;

import dev.tenure.audit.domain.ChainHash;
import dev.tenure.audit.domain.ChainLink;
import dev.tenure.audit.domain.Checkpoint;
import dev.tenure.audit.domain.Evidence;
import dev.tenure.audit.domain.LoggedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evidence export as one RFC 4180 CSV (README, "Evidence"): a header, then rows whose {@code row} column says what
 * they are — {@code export} (scope, exportedAt), {@code record} (every field, as the canonical form writes it),
 * {@code link} (partition, sequence, previousHash, contentDigest, hash) and {@code anchor} (partition, sequence, hash,
 * checkpointedAt). A null is an empty cell, an empty string a quoted empty cell ({@code ""}), as PostgreSQL's CSV
 * does. Values are written verbatim (a leading {@code =} is not escaped, it would change the hash): open the file as
 * text, not as a spreadsheet formula.
 */
public final class EvidenceCsv {

    public static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("row", "partition", "offset"));
        columns.addAll(ChainHash.FIELDS);
        columns.addAll(List.of("previousHash", "contentDigest", "hash", "checkpointedAt", "scope", "exportedAt"));
        COLUMNS = List.copyOf(columns);
    }

    private EvidenceCsv() {
    }

    public static String write(Evidence evidence) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS);
        row(out, Map.of("row", "export", "scope", evidence.scope(), "exportedAt",
                ChainHash.instant(evidence.exportedAt())));
        for (LoggedEntry logged : evidence.records()) {
            Map<String, String> values = new HashMap<>(ChainHash.canonicalValues(logged.entry()));
            values.put("row", "record");
            values.put("partition", Integer.toString(logged.partition()));
            values.put("offset", Long.toString(logged.offset()));
            values.put("previousHash", logged.entry().previousHash());
            values.put("contentDigest", ChainHash.contentDigest(logged.entry()));
            values.put("hash", logged.entry().hash());
            row(out, values);
        }
        for (ChainLink link : evidence.links()) {
            row(out, Map.of("row", "link", "partition", Integer.toString(link.partition()), "sequence",
                    Long.toString(link.sequence()), "previousHash", link.previousHash(), "contentDigest",
                    link.contentDigest(), "hash", link.hash()));
        }
        for (Checkpoint anchor : evidence.anchors()) {
            Map<String, String> values = new HashMap<>(Map.of("row", "anchor", "partition",
                    Integer.toString(anchor.partition()), "sequence", Long.toString(anchor.sequence()), "hash",
                    anchor.hash()));
            if (anchor.at() != null) {
                values.put("checkpointedAt", ChainHash.instant(anchor.at()));
            }
            row(out, values);
        }
        return out.toString();
    }

    /** Reads an export back: an empty cell is null, a quoted empty cell an empty string. */
    public static Evidence read(String csv) {
        List<List<String>> rows = parse(csv);
        if (rows.isEmpty() || !COLUMNS.equals(rows.get(0))) {
            throw new IllegalArgumentException("not an evidence export: the header is not " + String.join(",", COLUMNS));
        }
        String scope = null;
        java.time.Instant exportedAt = null;
        List<LoggedEntry> records = new ArrayList<>();
        List<ChainLink> links = new ArrayList<>();
        List<Checkpoint> anchors = new ArrayList<>();
        for (List<String> cells : rows.subList(1, rows.size())) {
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                v.put(COLUMNS.get(i), i < cells.size() ? cells.get(i) : null);
            }
            switch (String.valueOf(v.get("row"))) {
                case "export" -> {
                    scope = v.get("scope");
                    exportedAt = ChainHash.parseInstant(v.get("exportedAt"));
                }
                case "record" -> {
                    records.add(new LoggedEntry(Integer.parseInt(v.get("partition")), Long.parseLong(v.get("offset")),
                            v.get("subjectPersonId"), EvidenceJson.entry(v)));
                }
                case "link" -> links.add(new ChainLink(Integer.parseInt(v.get("partition")),
                        Long.parseLong(v.get("sequence")), v.get("previousHash"), v.get("contentDigest"),
                        v.get("hash")));
                case "anchor" -> anchors.add(new Checkpoint(Integer.parseInt(v.get("partition")),
                        Long.parseLong(v.get("sequence")), v.get("hash"),
                        ChainHash.parseInstant(v.get("checkpointedAt"))));
                default -> throw new IllegalArgumentException("unknown row kind: " + v.get("row"));
            }
        }
        return new Evidence(scope, exportedAt, records, links, anchors);
    }

    private static void row(StringBuilder out, Map<String, String> values) {
        line(out, COLUMNS.stream().map(values::get).toList());
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (cell.isEmpty() || cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; an unquoted empty cell is null. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                row.add(cellValue(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cellValue(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || wasQuoted || !row.isEmpty()) {
            row.add(cellValue(cell, wasQuoted));
            rows.add(row);
        }
        return rows;
    }

    private static String cellValue(StringBuilder cell, boolean wasQuoted) {
        return cell.length() == 0 && !wasQuoted ? null : cell.toString();
    }
}

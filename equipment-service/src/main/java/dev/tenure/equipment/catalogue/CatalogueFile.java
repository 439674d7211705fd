package dev.tenure.equipment.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tenure.equipment.domain.catalogue.Catalogue;
import dev.tenure.equipment.domain.catalogue.CatalogueException;
import dev.tenure.equipment.domain.catalogue.CatalogueReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the catalogue's YAML file (a path, or {@code classpath:...} for the one the service ships with). */
public final class CatalogueFile {

    public static final String CLASSPATH = "classpath:";
    private static final YAMLMapper YAML = new YAMLMapper();

    private CatalogueFile() {
    }

    /** The checked catalogue at {@code location}; a {@link CatalogueException} listing every problem otherwise. */
    public static Catalogue load(String location) {
        return parse(location, read(location));
    }

    /** The checked catalogue in {@code yaml}. */
    public static Catalogue parse(String source, String yaml) {
        Object tree;
        try {
            tree = YAML.readValue(yaml, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new CatalogueException(source, List.of(where + "not valid YAML: " + e.getOriginalMessage()));
        }
        return CatalogueReader.read(source, tree);
    }

    private static String read(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new CatalogueException(location, List.of("no such resource on the classpath"));
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogueException(location, List.of("cannot be read: " + e));
        }
    }
}

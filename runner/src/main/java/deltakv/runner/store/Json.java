package deltakv.runner.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Plain-data JSON files of a run (test.json): maps of strings, numbers, booleans, lists and maps. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Writes through a temporary file, so a reader never sees half a file. */
    public static void write(Path file, Map<String, Object> data) throws IOException {
        writeText(file, MAPPER.writeValueAsString(data) + "\n");
    }

    /** Any text written the same way (a summary page a browser may be reading). */
    public static void writeText(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static Map<String, Object> read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    }
}

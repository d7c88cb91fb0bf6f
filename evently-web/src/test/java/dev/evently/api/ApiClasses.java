package dev.evently.api;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The web module's compiled top-level classes (not its dependencies'), for the tests that check every resource. */
public final class ApiClasses {

    private ApiClasses() {
    }

    public static List<Class<?>> compiled() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(EventlyApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                found.add(Class.forName(name, false, ApiClasses.class.getClassLoader()));
            }
        }
        return found;
    }
}

package dev.evently.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.evently.platform.api.ResourcePaths;

/** A read answered from the cache is timed under the same endpoint as one JAX-RS answers. */
class CachedCatalogReadsTest {

    @Test
    void theCachedReadsAreNamedAsJaxRsNamesTheirEndpoints() {
        assertThat(template("listEvents")).isEqualTo(CachedCatalogReads.LIST);
        assertThat(template("getEvent")).isEqualTo(CachedCatalogReads.DETAILS);
        assertThat(template("getSeatMap")).isEqualTo(CachedCatalogReads.SEATS);
    }

    private static String template(String method) {
        Method resourceMethod = Arrays.stream(EventsResource.class.getMethods())
                .filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("EventsResource has no " + method));
        return ResourcePaths.template(EventsResource.class, resourceMethod);
    }
}

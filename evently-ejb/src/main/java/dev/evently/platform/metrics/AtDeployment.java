package dev.evently.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Makes every {@link RegistersMetrics} bean as the application deploys: the beans themselves, taken from their
 * context, since a call through a client proxy is what would otherwise make one.
 */
@ApplicationScoped
class AtDeployment {

    void deployed(@Observes @Initialized(ApplicationScoped.class) Object deployed, BeanManager beans) {
        Context application = beans.getContext(ApplicationScoped.class);
        for (Bean<?> bean : beans.getBeans(RegistersMetrics.class, Any.Literal.INSTANCE)) {
            make(application, bean, beans);
        }
    }

    private static <T> void make(Context context, Bean<T> bean, BeanManager beans) {
        context.get(bean, beans.createCreationalContext(bean));
    }
}

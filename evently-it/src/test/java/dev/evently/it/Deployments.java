package dev.evently.it;

import java.io.File;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real EAR as built, with the test classes added to its API module: Arquillian's servlet protocol
 * runs them there, beside the application's own beans. The EAR has a second web module (the staff console), so
 * the API's is marked as the one to test in; otherwise Arquillian cannot choose and refuses the deployment.
 */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive evently(Class<?>... testClasses) {
        File file = new File(System.getProperty("evently.ear", "../evently-ear/target/evently.ear"));
        if (!file.isFile()) {
            throw new IllegalStateException("build the EAR first: " + file.getAbsolutePath() + " is missing");
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
        WebArchive web = ear.getAsType(WebArchive.class, "evently-web.war");
        web.addClasses(testClasses).addClasses(Deployments.class, Poll.class, Transactions.class);
        ear.delete("evently-web.war");
        ear.addAsModule(Testable.archiveToTest(web));
        return ear;
    }
}

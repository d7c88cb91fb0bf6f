package dev.evently.console.access;

import static dev.evently.accounts.entity.Role.ADMIN;
import static dev.evently.accounts.entity.Role.BOX_OFFICE;
import static dev.evently.accounts.entity.Role.DOOR;
import static dev.evently.accounts.entity.Role.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.evently.accounts.entity.Role;

class AccessRulesTest {

    @Test
    void theDoorIsForEveryoneWhoWorksIt() {
        assertThat(AccessRules.allowed("/door.xhtml", DOOR)).isTrue();
        assertThat(AccessRules.allowed("/door.xhtml", BOX_OFFICE)).isTrue();
        assertThat(AccessRules.allowed("/door.xhtml", ADMIN)).isTrue();
    }

    @Test
    void theEventsAreForTheBoxOfficeAndAdmins() {
        assertThat(AccessRules.allowed("/events.xhtml", BOX_OFFICE)).isTrue();
        assertThat(AccessRules.allowed("/events.xhtml", ADMIN)).isTrue();
        assertThat(AccessRules.allowed("/events.xhtml", DOOR)).isFalse();
    }

    @Test
    void theAdminFolderIsForAdminsOnly() {
        assertThat(AccessRules.allowed("/admin/users.xhtml", ADMIN)).isTrue();
        assertThat(AccessRules.allowed("/admin/users.xhtml", BOX_OFFICE)).isFalse();
        assertThat(AccessRules.allowed("/admin/users.xhtml", DOOR)).isFalse();
        assertThat(AccessRules.allowed("/administration.xhtml", BOX_OFFICE)).as("a folder is not a prefix of names")
                .isFalse();
    }

    @Test
    void aPathTheTableDoesNotNameIsRefusedToAllButAdmins() {
        for (String unknown : new String[] {"/reports.xhtml", "/Door.xhtml", "/door.xhtml/", "/resources/console/console.css",
                "/WEB-INF/templates/console.xhtml", ""}) {
            assertThat(AccessRules.allowed(unknown, DOOR)).as(unknown).isFalse();
            assertThat(AccessRules.allowed(unknown, BOX_OFFICE)).as(unknown).isFalse();
            assertThat(AccessRules.allowed(unknown, USER)).as(unknown).isFalse();
            assertThat(AccessRules.allowed(unknown, ADMIN)).as(unknown).isTrue();
        }
        assertThat(AccessRules.allowed(null, DOOR)).isFalse();
    }

    @Test
    void aUserMayOpenNothingNotEvenWhatIsPublic() {
        for (String path : new String[] {"/", "/index.xhtml", "/door.xhtml", "/events.xhtml", "/admin/x.xhtml",
                "/login.xhtml"}) {
            assertThat(AccessRules.allowed(path, USER)).as(path).isFalse();
        }
        assertThat(AccessRules.allowed("/door.xhtml", null)).isFalse();
    }

    @Test
    void signingInTheErrorPagesAndThePagesResourcesNeedNoSignIn() {
        assertThat(AccessRules.isPublic("/login.xhtml")).isTrue();
        assertThat(AccessRules.isPublic("/errors/403.xhtml")).isTrue();
        assertThat(AccessRules.isPublic("/errors/expired.xhtml")).isTrue();
        assertThat(AccessRules.isPublic("/jakarta.faces.resource/theme.css.xhtml")).isTrue();

        assertThat(AccessRules.isPublic("/")).isFalse();
        assertThat(AccessRules.isPublic("/index.xhtml")).isFalse();
        assertThat(AccessRules.isPublic("/door.xhtml")).isFalse();
        assertThat(AccessRules.isPublic("/login.xhtml.bak")).isFalse();
        assertThat(AccessRules.isPublic("/errors")).isFalse();
        assertThat(AccessRules.isPublic(null)).isFalse();
    }

    @Test
    void everyStaffRoleLandsOnAPageItMayOpen() {
        assertThat(AccessRules.home(DOOR)).isEqualTo("/door.xhtml");
        assertThat(AccessRules.home(BOX_OFFICE)).isEqualTo("/events.xhtml");
        assertThat(AccessRules.home(ADMIN)).isEqualTo("/events.xhtml");
        for (Role role : AccessRules.STAFF) {
            assertThat(AccessRules.allowed(AccessRules.home(role), role)).as(role.name()).isTrue();
            assertThat(AccessRules.allowed("/", role)).as(role.name()).isTrue();
            assertThat(AccessRules.allowed("/index.xhtml", role)).as(role.name()).isTrue();
        }
        assertThatThrownBy(() -> AccessRules.home(USER)).isInstanceOf(IllegalArgumentException.class);
    }
}

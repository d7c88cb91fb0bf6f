package dev.evently.accounts.entity;

/** What a person may do: buy (USER), sell at the box office, check tickets at the door, or everything (ADMIN). */
public enum Role {
    USER,
    BOX_OFFICE,
    DOOR,
    ADMIN
}

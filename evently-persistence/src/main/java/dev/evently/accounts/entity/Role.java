package dev.evently.accounts.entity;

public enum Role {
    USER,
    ADMIN
}

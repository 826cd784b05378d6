package dev.maas.tokenservice.state;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored state and what its store needs to write over it safely.
 *
 * @param state the state as read
 * @param basis for the ConfigMap the object as read (its resourceVersion makes a concurrent update
 *     fail); null for a file
 */
public record Snapshot(TokenState state, ObjectNode basis) {}

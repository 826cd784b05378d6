package dev.maas.tokenservice.http;

import java.util.List;

/**
 * Who is calling, as the gateway's AuthPolicy named them in {@code X-MaaS-Username} and {@code
 * X-MaaS-Groups}.
 *
 * @param username the user name
 * @param groups the groups, compared as exact strings
 */
public record Caller(String username, List<String> groups) {

  public Caller {
    groups = List.copyOf(groups);
  }
}

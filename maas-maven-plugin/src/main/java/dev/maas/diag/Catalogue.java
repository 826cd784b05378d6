package dev.maas.diag;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every diagnostic code the compiler can report, each with its severity and summary, in code order.
 */
public final class Catalogue {

  private final Map<String, DiagnosticCode> byCode = new TreeMap<>();

  /** A catalogue of {@code codes}; a code listed twice is a programming error. */
  public Catalogue(Collection<DiagnosticCode> codes) {
    for (DiagnosticCode code : codes) {
      if (byCode.putIfAbsent(code.code(), code) != null) {
        throw new IllegalArgumentException("diagnostic code listed twice: " + code.code());
      }
    }
  }

  /** The entry of {@code code}, if the catalogue has it. */
  public Optional<DiagnosticCode> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Every entry, sorted by code. */
  public List<DiagnosticCode> all() {
    return List.copyOf(byCode.values());
  }
}

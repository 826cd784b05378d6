package dev.maas.check;

import java.util.regex.Pattern;

/** Kubernetes' rules for names, label keys and label values, with the API server's wording. */
final class ObjectNames {

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  private ObjectNames() {}

  /** Why {@code name} is not a DNS-1123 label (namespaces, container names), or {@code null}. */
  static String dns1123Label(String name) {
    if (name.length() > 63) {
      return "must be no more than 63 characters";
    }
    return DNS1123_LABEL.matcher(name).matches()
        ? null
        : "must be a DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit";
  }

  /** Why {@code name} is not a DNS-1035 label (Service names), or {@code null}. */
  static String dns1035Label(String name) {
    if (name.length() > 63) {
      return "must be no more than 63 characters";
    }
    return DNS1035_LABEL.matcher(name).matches()
        ? null
        : "must be a DNS-1035 label: lower case letters, digits and '-', starting with a letter and ending with a letter or digit";
  }

  /** Why {@code name} is not a DNS-1123 subdomain (most object names), or {@code null}. */
  static String dns1123Subdomain(String name) {
    if (name.length() > 253) {
      return "must be no more than 253 characters";
    }
    return DNS1123_SUBDOMAIN.matcher(name).matches()
        ? null
        : "must be a DNS-1123 subdomain: lower case letters, digits, '-' and '.', starting and ending with a letter or digit";
  }

  /** Why {@code key} is not a label or annotation key ({@code [prefix/]name}), or {@code null}. */
  static String qualifiedName(String key) {
    String name = key;
    int slash = key.lastIndexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || dns1123Subdomain(prefix) != null) {
        return "the prefix before '/' must be a DNS-1123 subdomain";
      }
    }
    if (name.isEmpty() || name.length() > 63) {
      return "the name part must be 1 to 63 characters";
    }
    return QUALIFIED_NAME.matcher(name).matches()
        ? null
        : "the name part must be alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
  }

  /** Why {@code value} is not a label value, or {@code null}. */
  static String labelValue(String value) {
    if (value.length() > 63) {
      return "must be no more than 63 characters";
    }
    return LABEL_VALUE.matcher(value).matches()
        ? null
        : "must be empty or alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
  }
}

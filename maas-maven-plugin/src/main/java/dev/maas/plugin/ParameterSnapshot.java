package dev.maas.plugin;

import org.apache.maven.plugin.MojoFailureException;

/**
 * A goal that reads every parameter it declares into one request before it acts, so that what a
 * goal advertises and what it reads can be compared.
 *
 * @param <R> the request
 */
interface ParameterSnapshot<R> {

  /** The goal's parameters as one request; fails on a value no run could use. */
  R snapshot() throws MojoFailureException;
}

package dev.maas.plugin;

/**
 * One run of a goal: the request it sends to the compiler and the gates applied to the answer.
 *
 * @param <A> the compiler's request type
 * @param call what the compiler is asked
 * @param gates what fails the build besides errors
 */
record GoalRequest<A>(A call, Gates gates) {}

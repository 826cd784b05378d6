/**
 * HTTP plumbing on the JDK's {@code com.sun.net.httpserver}: bounded bodies, JSON replies, the
 * route table and the two servers (API, and health with metrics) with executors of their own.
 */
package dev.maas.tokenservice.http;

/**
 * HTTP plumbing on Netty's HTTP/1.1 codec: requests read whole within a deadline and a size bound,
 * JSON replies, the route table and the two listeners (API, and health with metrics) with threads
 * of their own.
 */
package dev.maas.tokenservice.http;

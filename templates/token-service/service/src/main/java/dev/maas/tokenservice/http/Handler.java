package dev.maas.tokenservice.http;

/** One endpoint. */
@FunctionalInterface
public interface Handler {

  Reply handle(Request request) throws Refusal, Exception;
}

package dev.maas.render.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maas.model.Platform;
import dev.maas.render.KubeObject;
import dev.maas.render.Manifests;
import dev.maas.render.tokenservice.TokenServiceGenerator;

/**
 * The Envoy filter that puts each model call's model and token counts where the access log reads
 * them: an Istio EnvoyFilter {@code <platform>-token-usage} that adds a Lua filter to the gateway's
 * pods, just before the router.
 *
 * <p>Istio's telemetry API cannot read a response body, and neither Kuadrant nor Envoy leaves the
 * usage anywhere a log format can name: Kuadrant's wasm-shim parses {@code usage} for the
 * TokenRateLimitPolicy but keeps the values inside the filter (docs/runtime-model.md, "Token counts
 * in the access log"). So the Lua filter reads the response as it passes, in a JSON body or in the
 * events of a stream, and writes dynamic metadata in the namespace {@value #NAMESPACE}, which the
 * mesh provider's labels read with {@code %DYNAMIC_METADATA(maas.usage:...)%}.
 *
 * <p>Envoy's Lua filter (extensions.filters.http.lua.v3.Lua) runs LuaJIT: the script keeps to Lua
 * 5.1. On the request, {@code envoy_on_request} takes the model from the path ({@code
 * /<namespace>/<model>/v1/...}); on the response, {@code envoy_on_response} iterates {@code
 * bodyChunks()}, which passes every chunk on at once, keeping only the last 2048 bytes so a usage
 * object split between chunks is still found. Placed before the router, the filter is the last on
 * the request and the first on the response.
 */
public final class UsageFilter {

  /** The dynamic metadata namespace the filter writes and the access log reads. */
  public static final String NAMESPACE = "maas.usage";

  /** The Envoy filter's name in the gateway's HTTP filter chain. */
  static final String FILTER_NAME = "maas.token_usage";

  /** The Lua source: Envoy calls {@code envoy_on_request} and {@code envoy_on_response}. */
  public static final String LUA =
      """
      -- The request names the model (/<namespace>/<model>/v1/...); the response's OpenAI usage object, in a
      -- JSON body or in the events of a stream, gives the counts. Both go to the dynamic metadata namespace
      -- maas.usage, which the access log provider reads. Chunks pass on as they come: nothing is buffered
      -- but the last 2048 bytes, enough for a usage object split between two chunks.
      local NS = "maas.usage"
      local KEEP = 2048

      function envoy_on_request(request_handle)
        local path = request_handle:headers():get(":path") or ""
        local model = string.match(path, "^/[^/?]+/([^/?]+)/v%d+/")
        if model then
          request_handle:streamInfo():dynamicMetadata():set(NS, "model", model)
        end
      end

      -- The JSON object that opens at text[open], or nil when text ends first. Strings are skipped, so a
      -- brace inside one does not count.
      local function object_at(text, open)
        local depth, quoted, i = 0, false, open
        while i <= #text do
          local c = string.sub(text, i, i)
          if quoted then
            if c == "\\\\" then
              i = i + 1
            elseif c == '"' then
              quoted = false
            end
          elseif c == '"' then
            quoted = true
          elseif c == "{" then
            depth = depth + 1
          elseif c == "}" then
            depth = depth - 1
            if depth == 0 then
              return string.sub(text, open, i)
            end
          end
          i = i + 1
        end
        return nil
      end

      local function count(usage, name, other)
        local n = string.match(usage, '"' .. name .. '"%s*:%s*(%d+)')
        if not n and other then
          n = string.match(usage, '"' .. other .. '"%s*:%s*(%d+)')
        end
        return n
      end

      -- The counts of the last complete usage object in text: prompt, completion, total, or nil. A key
      -- "usage" inside a JSON string has its quotes escaped, so text a model wrote never matches.
      local function usage_counts(text)
        local usage, from = nil, 1
        while true do
          local first, last = string.find(text, '"usage"%s*:%s*{', from)
          if not first then
            break
          end
          usage = object_at(text, last) or usage
          from = last + 1
        end
        if not usage then
          return nil
        end
        local total = count(usage, "total_tokens")
        if not total then
          return nil
        end
        return count(usage, "prompt_tokens", "input_tokens") or "0",
          count(usage, "completion_tokens", "output_tokens") or "0",
          total
      end

      function envoy_on_response(response_handle)
        local seen = response_handle:streamInfo():dynamicMetadata():get(NS)
        if not (seen and seen["model"]) then
          return
        end
        local content_type = response_handle:headers():get("content-type") or ""
        if not (string.find(content_type, "json", 1, true)
            or string.find(content_type, "text/event-stream", 1, true)) then
          return
        end
        local tail = ""
        for chunk in response_handle:bodyChunks() do
          local text = tail .. chunk:getBytes(0, chunk:length())
          local ok, prompt, completion, total = pcall(usage_counts, text)
          if ok and total then
            local metadata = response_handle:streamInfo():dynamicMetadata()
            metadata:set(NS, "prompt_tokens", prompt)
            metadata:set(NS, "completion_tokens", completion)
            metadata:set(NS, "total_tokens", total)
          end
          if #text > KEEP then
            tail = string.sub(text, -KEEP)
          else
            tail = text
          end
        end
      end
      """;

  private UsageFilter() {}

  /** {@code <platform>-token-usage}. */
  public static String name(Platform platform) {
    return platform.name() + "-token-usage";
  }

  /** The EnvoyFilter, in the gateway's namespace, selecting the gateway's pods. */
  static KubeObject envoyFilter(Platform platform) {
    KubeObject filter =
        Manifests.object(
            "networking.istio.io/v1alpha3",
            "EnvoyFilter",
            name(platform),
            platform.gateway().namespace());
    ObjectNode spec = Manifests.spec(filter);
    spec.putObject("workloadSelector")
        .putObject("labels")
        .put(TokenServiceGenerator.GATEWAY_NAME_LABEL, platform.gateway().name());
    ObjectNode patch = spec.putArray("configPatches").addObject();
    patch.put("applyTo", "HTTP_FILTER");
    ObjectNode match = patch.putObject("match");
    match.put("context", "GATEWAY");
    ObjectNode chain = match.putObject("listener").putObject("filterChain").putObject("filter");
    chain.put("name", "envoy.filters.network.http_connection_manager");
    chain.putObject("subFilter").put("name", "envoy.filters.http.router");
    ObjectNode change = patch.putObject("patch");
    change.put("operation", "INSERT_BEFORE");
    ObjectNode value = change.putObject("value");
    value.put("name", FILTER_NAME);
    ObjectNode config = value.putObject("typed_config");
    config.put("@type", "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua");
    config.putObject("default_source_code").put("inline_string", LUA);
    return filter;
  }
}

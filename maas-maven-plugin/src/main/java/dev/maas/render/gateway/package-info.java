/**
 * The generator of the Gateway API objects: the public Gateway and HTTPRoute that carry every model
 * call, and the internal Gateway behind them.
 */
package dev.maas.render.gateway;

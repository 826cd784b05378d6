/**
 * The platform users' commands: sign in, models, tokens, keys and usage, over the MaaS API behind
 * the gateway.
 */
package dev.maas.commandline.user;

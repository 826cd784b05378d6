/**
 * The platform team's commands: the Maven goals' work without Maven, through one thin layer over
 * the compiler.
 */
package dev.maas.commandline.platform;
